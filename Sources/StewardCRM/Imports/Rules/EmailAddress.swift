/// A practical email check (the addresses CRM users type, not all of RFC 5322): one `@`, a local
/// part of the usual characters without leading, trailing or doubled dots, and a domain of
/// letter-digit-hyphen labels ending in a top-level domain of at least two letters.
enum EmailAddress {
    /// The address lowercased, or nil if it is not one.
    static func normalized(_ text: String) -> String? {
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

    private static func isDomain(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        let labels = bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard labels.count >= 2, let top = labels.last, top.count >= 2, top.allSatisfy(isLetter) else { return false }
        return labels.allSatisfy { label in
            !label.isEmpty && label.count <= 63 && label.first != UInt8(ascii: "-") && label.last != UInt8(ascii: "-")
                && label.allSatisfy { isAlphanumeric($0) || $0 == UInt8(ascii: "-") }
        }
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        isLetter(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
