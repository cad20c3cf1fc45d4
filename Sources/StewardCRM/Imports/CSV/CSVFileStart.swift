import Foundation
public import StewardCore

/// What the first bytes of a file say: where the text starts (after a UTF-8 byte order mark),
/// that it is not UTF-16 or UTF-32, and which delimiter its header line uses.
struct CSVFileStart {
    /// Byte offset of the first record (3 after a UTF-8 BOM).
    var offset: Int
    var delimiter: UInt8

    static let candidates: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t"), UInt8(ascii: "|")]

    /// Reads the start of `path`; `delimiter` nil means sniff it from the header line.
    static func read(path: String, fileName: String, delimiter: UInt8?) throws -> CSVFileStart {
        guard let file = FileHandle(forReadingAtPath: path) else {
            throw StewardError(.importFileUnreadable, "\(fileName): cannot be read", fix: "check that the file exists and is readable")
        }
        defer { try? file.close() }
        let head = [UInt8](try file.read(upToCount: 64 << 10) ?? Data())
        try rejectWideEncodings(head, fileName: fileName)
        let offset = head.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        return CSVFileStart(offset: offset, delimiter: delimiter ?? sniff(head.dropFirst(offset)))
    }

    private static func rejectWideEncodings(_ head: [UInt8], fileName: String) throws {
        let marks: [([UInt8], String)] = [([0x00, 0x00, 0xFE, 0xFF], "UTF-32"), ([0xFF, 0xFE, 0x00, 0x00], "UTF-32"),
                                          ([0xFF, 0xFE], "UTF-16"), ([0xFE, 0xFF], "UTF-16")]
        guard let (_, name) = marks.first(where: { head.starts(with: $0.0) }) else { return }
        throw StewardError(.importFileUnreadable, "\(fileName): line 1: the file is \(name) (it starts with a \(name) byte order mark)",
                           fix: "save it as UTF-8, e.g. Excel's \"CSV UTF-8\", and import it again")
    }

    /// The candidate that occurs most often outside quotes on the header line; a comma on a tie.
    static func sniff<Bytes: Collection<UInt8>>(_ head: Bytes) -> UInt8 {
        var counts = [UInt8: Int]()
        var quoted = false
        for byte in head {
            if byte == CSVScanner.quote { quoted.toggle() }
            if !quoted, byte == 10 || byte == 13 { break }
            if !quoted, candidates.contains(byte) { counts[byte, default: 0] += 1 }
        }
        return candidates.max { counts[$0, default: 0] < counts[$1, default: 0] }.flatMap { counts[$0, default: 0] > 0 ? $0 : nil } ?? candidates[0]
    }
}

extension StewardError.Code {
    public static let importFileUnreadable = Self(rawValue: "import_file_unreadable")
    public static let importHeaderInvalid = Self(rawValue: "import_header_invalid")
    public static let importNotFound = Self(rawValue: "import_not_found")
}
