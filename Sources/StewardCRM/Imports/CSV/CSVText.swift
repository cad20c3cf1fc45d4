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

    static func decode(_ bytes: [UInt8], latin1: Bool) -> String? {
        bytes.withUnsafeBufferPointer { decode($0, latin1: latin1) }
    }

    /// UTF-8 when the bytes are UTF-8; otherwise Latin-1 (every byte is a character) if allowed.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, latin1: Bool) -> String? {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        guard latin1 else { return nil }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: bytes.lazy.map { Unicode.Scalar($0) })
        return String(scalars)
    }
}
