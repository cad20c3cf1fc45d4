import Foundation

/// How a file's bytes become text, decided once for the whole file: UTF-8, or — when the profile
/// allows the fallback (`latin1_fallback`) and the file is not valid UTF-8 — Windows-1252, the
/// superset of Latin-1 that Excel on Windows writes (0x80–0x9F are `€ ‚ „ … “ ” – —` and so on,
/// not control characters). Deciding per field would read a `Ã©` early in the file as UTF-8 and
/// a lone `é` later as Windows-1252.
enum CSVEncoding {
    /// True when `path` is to be read as Windows-1252.
    static func isWindows1252(path: String, fallbackAllowed: Bool) throws -> Bool {
        guard fallbackAllowed else { return false }
        return try !isUTF8(path: path)
    }

    /// Validates the file in 1 MiB chunks; a sequence cut by a chunk's end is carried over.
    static func isUTF8(path: String) throws -> Bool {
        guard let file = FileHandle(forReadingAtPath: path) else { throw CocoaError(.fileReadNoSuchFile) }
        defer { try? file.close() }
        var carried: [UInt8] = []
        while let chunk = try file.read(upToCount: CSVReader.chunkSize), !chunk.isEmpty {
            var bytes = carried + chunk
            let cut = completeLength(bytes)
            carried = Array(bytes[cut...])
            bytes.removeSubrange(cut...)
            guard isUTF8(bytes) else { return false }
        }
        return carried.isEmpty
    }

    private static func isUTF8(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { CSVText.isASCII($0) || String(validating: $0, as: UTF8.self) != nil }
    }

    /// The length up to the last byte that may start a sequence not yet complete.
    private static func completeLength(_ bytes: [UInt8]) -> Int {
        var index = bytes.count
        for back in stride(from: 1, through: min(3, bytes.count), by: 1) {
            let byte = bytes[bytes.count - back]
            guard byte & 0xC0 == 0x80 else {
                let needed = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
                if needed > back { index = bytes.count - back }
                break
            }
        }
        return index
    }

    /// Windows-1252's 0x80–0x9F; the five bytes it leaves undefined keep their Latin-1 code
    /// points, as WHATWG's decoder does.
    static let high: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]

    static func windows1252Scalar(_ byte: UInt8) -> Unicode.Scalar {
        (0x80...0x9F).contains(byte) ? Unicode.Scalar(high[Int(byte) - 0x80])! : Unicode.Scalar(byte)
    }
}
