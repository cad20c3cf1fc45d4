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
        var rest = Substring(text.replacingOccurrences(of: "(0)", with: ""))
        let international = rest.hasPrefix("+") || rest.hasPrefix("00")
        rest = rest.hasPrefix("+") ? rest.dropFirst() : rest.hasPrefix("00") ? rest.dropFirst(2) : rest
        let separators = Set(" -./()\u{A0}")
        if let bad = rest.first(where: { !$0.isASCII || (!$0.isNumber && !separators.contains($0)) }) {
            return .failure(.characters(String(bad)))
        }
        let digits = rest.filter(\.isNumber)
        if international { return checked(digits) }
        guard let region else { return .failure(.noRegion) }
        guard let plan = regions[region.uppercased()] else { return .failure(.unknownRegion(region)) }
        let national = !plan.trunkPrefix.isEmpty && digits.hasPrefix(plan.trunkPrefix) ? digits.dropFirst(plan.trunkPrefix.count) : Substring(digits)
        return checked(plan.countryCode + national)
    }

    private static func checked(_ digits: String) -> Result<String, Problem> {
        (8...15).contains(digits.count) ? .success("+" + digits) : .failure(.length(digits.count))
    }
}
