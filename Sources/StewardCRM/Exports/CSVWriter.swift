import Crypto
import Foundation
import GRDB
import GRDBSQLite

/// Writes RFC 4180 CSV (UTF-8, CRLF, fields quoted when they hold a comma, quote or line break)
/// to a file through a buffer, counting bytes and hashing as it goes, so memory stays flat
/// whatever the row count.
final class CSVWriter {
    private let handle: FileHandle
    // Checked statically: nothing else touches the buffer while a row is being written, and the
    // dynamic exclusivity check per byte appended cost more than the appending.
    @exclusivity(unchecked) private var buffer: [UInt8] = []
    private var hasher = SHA256()
    private(set) var bytes = 0
    private static let flushSize = 1 << 16

    init(path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
        }
        self.handle = handle
        buffer.reserveCapacity(Self.flushSize * 2)
    }

    func writeRow(_ fields: [String?]) throws {
        for (index, field) in fields.enumerated() {
            if index > 0 { buffer.append(UInt8(ascii: ",")) }
            if let field { append(field) }
        }
        buffer.append(contentsOf: [13, 10])
        if buffer.count >= Self.flushSize { try flush() }
    }

    /// Writes the current row of a stepped statement, reading each column's text straight from
    /// SQLite (its own number formatting, as the sqlite3 shell prints it) without making Strings.
    func writeCurrentRow(of statement: SQLiteStatement, columns: Int32) throws {
        for column in 0..<columns {
            if column > 0 { buffer.append(UInt8(ascii: ",")) }
            guard sqlite3_column_type(statement, column) != SQLITE_NULL, let text = sqlite3_column_text(statement, column) else { continue }
            append(UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(statement, column))))
        }
        buffer.append(contentsOf: [13, 10])
        if buffer.count >= Self.flushSize { try flush() }
    }

    private static let comma = UInt8(ascii: ","), quote = UInt8(ascii: "\""), lineFeed: UInt8 = 10, carriageReturn: UInt8 = 13

    /// RFC 4180: a field holding a comma, quote or line break is quoted, its quotes doubled.
    private static func needsQuotes(_ byte: UInt8) -> Bool {
        byte == comma || byte == quote || byte == lineFeed || byte == carriageReturn
    }

    private func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard bytes.contains(where: Self.needsQuotes) else { return buffer.append(contentsOf: bytes) }
        buffer.append(UInt8(ascii: "\""))
        for byte in bytes {
            if byte == UInt8(ascii: "\"") { buffer.append(byte) }
            buffer.append(byte)
        }
        buffer.append(UInt8(ascii: "\""))
    }

    private func append(_ field: String) {
        var field = field
        field.withUTF8 { append($0) }
    }

    private func flush() throws {
        buffer.withUnsafeBytes { hasher.update(bufferPointer: $0) }
        bytes += buffer.count
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes, syncs to disk and closes; returns the file's SHA-256 in hex.
    func finish() throws -> String {
        try flush()
        try handle.synchronize()
        try handle.close()
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }

    func abandon() {
        try? handle.close()
    }
}
