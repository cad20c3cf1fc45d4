/// A practical email check (the addresses CRM users type, not all of RFC 5322): one `@`, a local
/// part of the usual characters without leading, trailing or doubled dots, and a domain of
/// letter-digit-hyphen labels ending in a top-level domain of at least two letters.
package enum EmailAddress {
    /// The address lowercased, or nil if it is not one.
    package static func normalized(_ text: String) -> String? {
        var copy = text
        let (valid, lower) = copy.withUTF8 { utf8 -> (Bool, Bool) in
            guard let at = utf8.firstIndex(of: UInt8(ascii: "@")), at > 0, at < utf8.count - 1, at < 65, utf8.count <= 254,
                  isLocalPart(utf8[..<at]), isDomain(utf8[(at + 1)...]) else { return (false, true) }
            return (true, !utf8.contains { (65...90).contains($0) || $0 >= 128 })
        }
        guard valid else { return nil }
        return lower ? text : text.lowercased()
    }

    private static let localSymbols = Set("!#$%&'*+/=?^_`{|}~-.".utf8)

    private static func isLocalPart(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        guard bytes.first != UInt8(ascii: "."), bytes.last != UInt8(ascii: ".") else { return false }
        var previousDot = false
        for byte in bytes {
            let dot = byte == UInt8(ascii: ".")
            guard isAlphanumeric(byte) || localSymbols.contains(byte), !(dot && previousDot) else { return false }
            previousDot = dot
        }
        return true
    }

    /// Labels of letters, digits and inner hyphens, at least two, the last of two letters or more.
    private static func isDomain(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        var labels = 0, length = 0, lettersOnly = true, previous: UInt8 = 0
        for byte in bytes {
            if byte == UInt8(ascii: ".") {
                guard length > 0, previous != UInt8(ascii: "-") else { return false }
                labels += 1
                (length, lettersOnly) = (0, true)
            } else {
                guard isAlphanumeric(byte) || (byte == UInt8(ascii: "-") && length > 0), length < 63 else { return false }
                length += 1
                lettersOnly = lettersOnly && isLetter(byte)
            }
            previous = byte
        }
        return labels >= 1 && length >= 2 && lettersOnly && previous != UInt8(ascii: "-")
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        isLetter(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
