import Crypto
import Foundation

/// Writes RFC 4180 CSV (UTF-8, CRLF, fields quoted when they hold a comma, quote or line break)
/// to a file through a buffer, counting bytes and hashing as it goes, so memory stays flat
/// whatever the row count.
final class CSVWriter {
    private let handle: FileHandle
    private var buffer = Data()
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

    private func append(_ field: String) {
        let needsQuotes = field.utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 }
        guard needsQuotes else { return buffer.append(contentsOf: field.utf8) }
        buffer.append(UInt8(ascii: "\""))
        for byte in field.utf8 {
            if byte == UInt8(ascii: "\"") { buffer.append(byte) }
            buffer.append(byte)
        }
        buffer.append(UInt8(ascii: "\""))
    }

    private func flush() throws {
        hasher.update(data: buffer)
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
