import Foundation
public import StewardCore

/// What the first bytes of a file say: where the text starts (after a UTF-8 byte order mark),
/// that it is not UTF-16 or UTF-32, and which delimiter its first records use.
struct CSVFileStart {
    /// Byte offset of the first record (3 after a UTF-8 BOM).
    var offset: Int
    var delimiter: UInt8

    static let candidates: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t"), UInt8(ascii: "|")]

    /// Reads the start of `path`; `delimiter` nil means sniff it from the header line.
    static func read(path: String, fileName: String, delimiter: UInt8?) throws -> CSVFileStart {
        let file = try ImportInputFile.open(path, name: fileName)
        defer { try? file.close() }
        let head = [UInt8](try file.read(upToCount: 64 << 10) ?? Data())
        try rejectWideEncodings(head, fileName: fileName)
        try rejectBinary(head, fileName: fileName)
        let offset = head.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        return CSVFileStart(offset: offset, delimiter: delimiter ?? sniff(head.dropFirst(offset)))
    }

    /// A control character in the header line (NUL included), or NUL bytes throughout the start
    /// of the file, mean it is not text (a spreadsheet, an archive, an image): said so instead
    /// of as a missing column. A stray NUL inside a field is that row's error instead.
    private static func rejectBinary(_ head: [UInt8], fileName: String) throws {
        let headerEnd = head.firstIndex(of: UInt8(ascii: "\n")) ?? head.endIndex
        let control = { (byte: UInt8) in byte < 32 && byte != 9 && byte != 10 && byte != 13 }
        let nuls = head.lazy.filter { $0 == 0 }.count
        let offset = head[..<headerEnd].firstIndex(where: control) ?? (nuls > binaryNULs ? head.firstIndex(of: 0) : nil)
        guard let offset else { return }
        let kind = head.starts(with: [0x50, 0x4B, 0x03, 0x04]) ? " (it looks like a ZIP archive, e.g. an .xlsx workbook)" : ""
        throw StewardError(.importFileUnreadable, "\(fileName): not a CSV text file: byte \(offset + 1) is control character 0x\(String(format: "%02X", head[offset]))\(kind)",
                           fix: "export the data as CSV (UTF-8) and import that file")
    }

    /// More NUL bytes than this in the first 64 KiB: binary, not a text with a stray NUL.
    static let binaryNULs = 16

    private static func rejectWideEncodings(_ head: [UInt8], fileName: String) throws {
        let marks: [([UInt8], String)] = [([0x00, 0x00, 0xFE, 0xFF], "UTF-32"), ([0xFF, 0xFE, 0x00, 0x00], "UTF-32"),
                                          ([0xFF, 0xFE], "UTF-16"), ([0xFE, 0xFF], "UTF-16")]
        guard let (_, name) = marks.first(where: { head.starts(with: $0.0) }) else { return }
        throw StewardError(.importFileUnreadable, "\(fileName): line 1: the file is \(name) (it starts with a \(name) byte order mark)",
                           fix: "save it as UTF-8, e.g. Excel's \"CSV UTF-8\", and import it again")
    }

    static let sniffedRecords = 20

    /// The candidate that splits the first records (up to 20) into the same number of fields,
    /// more than one: the most fields wins, then the order of `candidates`. When none is
    /// consistent, the one most frequent on the header line; a comma when there is nothing.
    static func sniff<Bytes: Collection<UInt8>>(_ head: Bytes) -> UInt8 {
        let consistent = candidates.compactMap { candidate in consistentFieldCount(head, delimiter: candidate).map { (candidate, $0) } }
        if let best = consistent.max(by: { $0.1 < $1.1 }) { return best.0 }
        let header = candidates.map { fieldCounts(head, delimiter: $0).first ?? 1 }
        let most = header.max() ?? 1
        return most > 1 ? candidates[header.firstIndex(of: most)!] : candidates[0]
    }

    private static func consistentFieldCount<Bytes: Collection<UInt8>>(_ head: Bytes, delimiter: UInt8) -> Int? {
        let counts = fieldCounts(head, delimiter: delimiter)
        guard let first = counts.first, first > 1, counts.allSatisfy({ $0 == first }) else { return nil }
        return first
    }

    /// Fields per non-blank record, outside quotes; a last record without its line end is left
    /// out (the head may have cut it), unless it is the only one.
    private static func fieldCounts<Bytes: Collection<UInt8>>(_ head: Bytes, delimiter: UInt8) -> [Int] {
        var counts: [Int] = [], fields = 1, quoted = false, empty = true
        for byte in head {
            if byte == CSVScanner.quote { quoted.toggle() }
            if quoted { empty = false; continue }
            if byte == 10 || byte == 13 {
                if !empty { counts.append(fields) }
                if counts.count == sniffedRecords { return counts }
                (fields, empty) = (1, true)
            } else {
                empty = false
                if byte == delimiter { fields += 1 }
            }
        }
        if counts.isEmpty, !empty { counts.append(fields) }
        return counts
    }
}

extension StewardError.Code {
    /// The file's content cannot be read as CSV text (its encoding, binary content).
    public static let importFileUnreadable = Self(rawValue: "import_file_unreadable")
    /// The file is not there, is a directory, or may not be opened.
    public static let importFileMissing = Self(rawValue: "import_file_missing")
    public static let importHeaderInvalid = Self(rawValue: "import_header_invalid")
    public static let importNotFound = Self(rawValue: "import_not_found")
}
