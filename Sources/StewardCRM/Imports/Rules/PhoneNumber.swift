import Foundation

/// Normalises phone numbers to E.164 (`+4930123456`). No phone library is vendored, so this is a
/// small, documented subset: separators `space - . / ( )` are dropped, `+` or `00` starts an
/// international number, `(0)` after a country code is dropped, and a national number (leading
/// trunk `0`, or none for NANP regions) gets its region's country code. Length is checked
/// against E.164 (8 to 15 digits with the country code); numbering plans are not.
enum PhoneNumber {
    struct Region { var countryCode: String; var trunkPrefix: String }

    static let regions: [String: Region] = [
        "DE": .init(countryCode: "49", trunkPrefix: "0"), "AT": .init(countryCode: "43", trunkPrefix: "0"),
        "CH": .init(countryCode: "41", trunkPrefix: "0"), "FR": .init(countryCode: "33", trunkPrefix: "0"),
        "GB": .init(countryCode: "44", trunkPrefix: "0"), "NL": .init(countryCode: "31", trunkPrefix: "0"),
        "BE": .init(countryCode: "32", trunkPrefix: "0"), "IT": .init(countryCode: "39", trunkPrefix: ""),
        "ES": .init(countryCode: "34", trunkPrefix: ""), "PL": .init(countryCode: "48", trunkPrefix: ""),
        "SE": .init(countryCode: "46", trunkPrefix: "0"), "DK": .init(countryCode: "45", trunkPrefix: ""),
        "NO": .init(countryCode: "47", trunkPrefix: ""), "IE": .init(countryCode: "353", trunkPrefix: "0"),
        "US": .init(countryCode: "1", trunkPrefix: "1"), "CA": .init(countryCode: "1", trunkPrefix: "1"),
    ]

    enum Problem: Error, Equatable {
        case characters(String), length(Int), noRegion, unknownRegion(String)
    }

    static func normalized(_ text: String, region: String?) -> Result<String, Problem> {
        var bytes = Array(text.utf8)
        if bytes.contains(UInt8(ascii: "(")) { bytes = Array(text.replacingOccurrences(of: "(0)", with: "").utf8) }
        var rest = bytes[...]
        let international = rest.first == UInt8(ascii: "+") || rest.starts(with: [48, 48])
        rest = rest.first == UInt8(ascii: "+") ? rest.dropFirst() : international ? rest.dropFirst(2) : rest
        var digits: [UInt8] = []
        digits.reserveCapacity(16)
        for byte in rest {
            if (48...57).contains(byte) {
                digits.append(byte)
            } else if !separators.contains(byte) {
                return .failure(.characters(firstBadCharacter(String(decoding: rest, as: UTF8.self))))
            }
        }
        if international { return checked(digits[...]) }
        guard let region else { return .failure(.noRegion) }
        guard let plan = regions[region] ?? regions[region.uppercased()] else { return .failure(.unknownRegion(region)) }
        let trunk = Array(plan.trunkPrefix.utf8)
        let national = !trunk.isEmpty && digits.starts(with: trunk) ? digits.dropFirst(trunk.count) : digits[...]
        return checked(Array(plan.countryCode.utf8) + national)
    }

    /// Space, hyphen, dot, slash and brackets; a no-break space arrives as its two UTF-8 bytes.
    private static let separators = Set(" -./()".utf8 + [0xC2, 0xA0])

    private static func firstBadCharacter(_ text: String) -> String {
        String(text.first { !$0.isASCII || (!$0.isNumber && !" -./()".contains($0)) } ?? "?")
    }

    private static func checked<Digits: Collection<UInt8>>(_ digits: Digits) -> Result<String, Problem> {
        (8...15).contains(digits.count) ? .success("+" + String(decoding: digits, as: UTF8.self)) : .failure(.length(digits.count))
    }
}
