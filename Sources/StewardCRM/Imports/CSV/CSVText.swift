/// Field bytes to text.
enum CSVText {
    /// `a""b` → `a"b`: the inside of a quoted field with its doubled quotes undoubled.
    static func unescaped(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var skipNext = false
        for (index, byte) in bytes.enumerated() {
            if skipNext { skipNext = false; continue }
            result.append(byte)
            if byte == CSVScanner.quote, index + 1 < bytes.count, bytes[index + 1] == CSVScanner.quote { skipNext = true }
        }
        return result
    }

    /// Eight bytes at a time: no byte with its high bit set.
    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        var index = 0
        let raw = UnsafeRawPointer(base)
        while index + 8 <= bytes.count {
            if raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
            index += 8
        }
        while index < bytes.count {
            if base[index] >= 0x80 { return false }
            index += 1
        }
        return true
    }

    static func decode(_ bytes: [UInt8], windows1252: Bool) -> String? {
        bytes.withUnsafeBufferPointer { decode($0, windows1252: windows1252) }
    }

    /// Windows-1252 (every byte is a character) when the file was found to be so (see
    /// `CSVEncoding`); otherwise UTF-8, nil when the bytes are not UTF-8.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, windows1252: Bool) -> String? {
        // ASCII (most fields) needs no validation; the generic validating initialiser is slower.
        if isASCII(bytes) { return String(decoding: bytes, as: UTF8.self) }
        guard windows1252 else { return String(validating: bytes, as: UTF8.self) }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: bytes.lazy.map(CSVEncoding.windows1252Scalar))
        return String(scalars)
    }
}
