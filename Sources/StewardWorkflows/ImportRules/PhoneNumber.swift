import Foundation

/// Normalises phone numbers to E.164 (`+4930123456`). No phone library is vendored, so this is a
/// small, documented subset: separators `space - . / ( )` are dropped, `+` or `00` starts an
/// international number, `(0)` after a country code is dropped, and a national number (leading
/// trunk `0`, or none for NANP regions) gets its region's country code. Length is checked
/// against E.164 (8 to 15 digits with the country code); numbering plans are not.
package enum PhoneNumber {
    package struct Region { var countryCode: String; var trunkPrefix: String }

    package static let regions: [String: Region] = [
        "DE": .init(countryCode: "49", trunkPrefix: "0"), "AT": .init(countryCode: "43", trunkPrefix: "0"),
        "CH": .init(countryCode: "41", trunkPrefix: "0"), "FR": .init(countryCode: "33", trunkPrefix: "0"),
        "GB": .init(countryCode: "44", trunkPrefix: "0"), "NL": .init(countryCode: "31", trunkPrefix: "0"),
        "BE": .init(countryCode: "32", trunkPrefix: "0"), "IT": .init(countryCode: "39", trunkPrefix: ""),
        "ES": .init(countryCode: "34", trunkPrefix: ""), "PL": .init(countryCode: "48", trunkPrefix: ""),
        "SE": .init(countryCode: "46", trunkPrefix: "0"), "DK": .init(countryCode: "45", trunkPrefix: ""),
        "NO": .init(countryCode: "47", trunkPrefix: ""), "IE": .init(countryCode: "353", trunkPrefix: "0"),
        "US": .init(countryCode: "1", trunkPrefix: "1"), "CA": .init(countryCode: "1", trunkPrefix: "1"),
    ]

    package enum Problem: Error, Equatable {
        case characters(String), length(Int), noRegion, unknownRegion(String)
        /// A +1 number whose national part is not the NANP's ten digits.
        case nanpLength(Int)
    }

    /// Country codes whose national numbers start with a trunk `0` that is dropped after the
    /// country code (`+49 030 1234567` is `+49301234567`).
    static let trunkZeroCountryCodes: [[UInt8]] = Array(Set(regions.values.filter { $0.trunkPrefix == "0" }.map { Array($0.countryCode.utf8) }))

    package static func normalized(_ text: String, region: String?) -> Result<String, Problem> {
        var copy = text.utf8.contains(UInt8(ascii: "(")) ? text.replacingOccurrences(of: "(0)", with: "") : text
        return copy.withUTF8 { bytes in normalized(bytes[...], region: region) }
    }

    private static func normalized(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, region: String?) -> Result<String, Problem> {
        let plus = bytes.first == UInt8(ascii: "+")
        let doubleZero = !plus && bytes.count >= 2 && bytes[bytes.startIndex] == 48 && bytes[bytes.startIndex + 1] == 48
        let rest = plus ? bytes.dropFirst() : doubleZero ? bytes.dropFirst(2) : bytes
        var plan: Region?
        if !plus && !doubleZero {
            guard let region else { return .failure(.noRegion) }
            guard let found = regions[region] ?? regions[region.uppercased()] else { return .failure(.unknownRegion(region)) }
            plan = found
        }
        // "+", the country code and the digits, built in one buffer on the stack.
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: rest.count + 8) { number in
            number[0] = UInt8(ascii: "+")
            var count = 1
            for byte in plan?.countryCode.utf8 ?? "".utf8 { number[count] = byte; count += 1 }
            let nationalStart = count
            for byte in rest {
                if (48...57).contains(byte) {
                    number[count] = byte
                    count += 1
                } else if !isSeparator(byte) {
                    return .failure(.characters(firstBadCharacter(String(decoding: rest, as: UTF8.self))))
                }
            }
            if let trunk = plan?.trunkPrefix.utf8, !trunk.isEmpty, number[nationalStart..<count].starts(with: trunk) {
                for index in nationalStart..<(count - trunk.count) { number[index] = number[index + trunk.count] }
                count -= trunk.count
            }
            if plan == nil { count = droppingTrunkZero(number, count: count) }
            if number[1] == UInt8(ascii: "1"), count - 2 != 10 { return .failure(.nanpLength(count - 2)) }
            let length = count - 1
            return (8...15).contains(length) ? .success(String(decoding: UnsafeBufferPointer(rebasing: number[..<count]), as: UTF8.self))
                : .failure(.length(length))
        }
    }

    /// `+<code>0…` for a country code that dials a trunk 0 at home: the 0 goes; the new count.
    private static func droppingTrunkZero(_ number: UnsafeMutableBufferPointer<UInt8>, count: Int) -> Int {
        let digits = number[1..<count]
        guard let code = trunkZeroCountryCodes.first(where: { digits.starts(with: $0) }), code.count + 1 < count,
              number[1 + code.count] == UInt8(ascii: "0") else { return count }
        for index in (1 + code.count)..<(count - 1) { number[index] = number[index + 1] }
        return count - 1
    }

    /// Space, hyphen, dot, slash and brackets; a no-break space arrives as its two UTF-8 bytes.
    @inline(__always)
    private static func isSeparator(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x20, 0x2D, 0x2E, 0x2F, 0x28, 0x29, 0xC2, 0xA0: true
        default: false
        }
    }

    private static func firstBadCharacter(_ text: String) -> String {
        String(text.first { !$0.isASCII || (!$0.isNumber && !" -./()".contains($0)) } ?? "?")
    }
}
