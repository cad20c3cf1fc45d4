/// Checks web addresses byte by byte (URLComponents cost more per row than the rest of a row's
/// rules together): `http` or `https`, a host of dotted labels (letters, digits, hyphens; other
/// scripts allowed), an optional port, and a rest without spaces or control characters. A bare
/// `www.example.com` gets `https://`.
package enum WebAddress {
    package static func normalized(_ text: String) -> String? {
        var copy = text
        let (valid, hasScheme) = copy.withUTF8 { bytes -> (Bool, Bool) in
            guard let schemeEnd = schemeEnd(bytes) else { return (isValid(bytes), false) }
            guard isHTTPScheme(UnsafeBufferPointer(rebasing: bytes[..<schemeEnd])) else { return (false, true) }
            return (isValid(UnsafeBufferPointer(rebasing: bytes[(schemeEnd + 3)...])), true)
        }
        guard valid else { return nil }
        return hasScheme ? text : "https://" + text
    }

    /// `http` or `https` in any case.
    private static func isHTTPScheme(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let http: [UInt8] = [0x68, 0x74, 0x74, 0x70, 0x73]  // "https"
        guard bytes.count == 4 || bytes.count == 5 else { return false }
        return bytes.indices.allSatisfy { bytes[$0] | 0x20 == http[$0] }
    }

    /// Where `://` starts, if anywhere.
    private static func schemeEnd(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard bytes.count >= 3 else { return nil }
        for index in 0...(bytes.count - 3) where bytes[index] == UInt8(ascii: ":") {
            return bytes[index + 1] == UInt8(ascii: "/") && bytes[index + 2] == UInt8(ascii: "/") ? index : nil
        }
        return nil
    }

    /// Host (dotted labels), optional port, then anything without spaces or control characters.
    private static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var labels = 0, labelLength = 0, previous: UInt8 = 0, index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "/") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "#") || byte == UInt8(ascii: ":") { break }
            if byte == UInt8(ascii: ".") {
                guard labelLength > 0, previous != UInt8(ascii: "-") else { return false }
                labels += 1
                labelLength = 0
            } else {
                guard byte >= 128 || isAlphanumeric(byte) || (byte == UInt8(ascii: "-") && labelLength > 0) else { return false }
                labelLength += 1
            }
            previous = byte
            index += 1
        }
        guard labels >= 1, labelLength > 0, previous != UInt8(ascii: "-") else { return false }
        return isValidRest(UnsafeBufferPointer(rebasing: bytes[index...]))
    }

    private static func isValidRest(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var rest = bytes[...]
        if rest.first == UInt8(ascii: ":") {
            let port = rest.dropFirst().prefix { (48...57).contains($0) }
            guard !port.isEmpty, port.count <= 5, port.reduce(0, { $0 * 10 + Int($1 - 48) }) <= 65535 else { return false }
            rest = rest.dropFirst(1 + port.count)
            guard rest.isEmpty || rest.first == UInt8(ascii: "/") || rest.first == UInt8(ascii: "?") || rest.first == UInt8(ascii: "#") else { return false }
        }
        return !rest.contains { $0 <= 32 || $0 == 127 }
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
