/// Checks web addresses byte by byte (URLComponents cost more per row than the rest of a row's
/// rules together): `http` or `https`, a host of dotted labels (letters, digits, hyphens; other
/// scripts allowed), an optional port, and a rest without spaces or control characters. A bare
/// `www.example.com` gets `https://`.
enum WebAddress {
    static func normalized(_ text: String) -> String? {
        let utf8 = Array(text.utf8)
        let schemeEnd = find(Array("://".utf8), in: utf8)
        if let schemeEnd {
            let scheme = String(decoding: utf8[..<schemeEnd], as: UTF8.self).lowercased()
            guard scheme == "http" || scheme == "https" else { return nil }
        }
        let hostStart = schemeEnd.map { $0 + 3 } ?? 0
        guard isValid(utf8[hostStart...]) else { return nil }
        return schemeEnd == nil ? "https://" + text : text
    }

    private static func isValid(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard !bytes.contains(where: { $0 <= 32 || $0 == 127 }) else { return false }
        let end = bytes.firstIndex { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") } ?? bytes.endIndex
        var host = bytes[bytes.startIndex..<end]
        if let colon = host.firstIndex(of: UInt8(ascii: ":")) {
            let port = host[(colon + 1)...]
            guard !port.isEmpty, port.count <= 5, port.allSatisfy({ (48...57).contains($0) }) else { return false }
            host = host[..<colon]
        }
        let labels = host.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        return labels.count >= 2 && labels.allSatisfy { label in
            !label.isEmpty && label.first != UInt8(ascii: "-") && label.last != UInt8(ascii: "-")
                && label.allSatisfy { $0 >= 128 || $0 == UInt8(ascii: "-") || isAlphanumeric($0) }
        }
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8]) -> Int? {
        guard bytes.count >= needle.count else { return nil }
        return (0...(bytes.count - needle.count)).first { bytes[$0..<($0 + needle.count)].elementsEqual(needle) }
    }
}
