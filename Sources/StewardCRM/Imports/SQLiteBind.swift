import Foundation
import GRDB
import GRDBSQLite

/// Binds and steps a prepared statement with the SQLite C API. An import runs one insert per
/// row: building GRDB `StatementArguments` for each cost more than the insert, and text bound
/// with `SQLITE_TRANSIENT` costs SQLite an allocation (and its allocator's mutex) per value. The
/// row's text is copied into one temporary buffer instead and bound in place (`SQLITE_STATIC`),
/// valid until the step is done and the bindings are cleared.
enum SQLiteBind {
    /// Runs `statement` with `values` then `more` (its last one replaced by `lastValue` if
    /// given); returns the first column of its first row, if any.
    @discardableResult
    static func run(_ statement: Statement, _ values: [DatabaseValue], then more: [DatabaseValue] = [], lastValue: DatabaseValue? = nil) throws -> Int64? {
        let capacity = values.reduce(0) { $0 + textBytes($1) } + more.reduce(0) { $0 + textBytes($1) } + (lastValue.map(textBytes) ?? 0)
        return try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(1, capacity)) { buffer in
            var used = 0
            for (offset, value) in values.enumerated() { bind(value, at: Int32(offset + 1), statement.sqliteStatement, buffer: buffer, used: &used) }
            for (offset, value) in more.enumerated() {
                let replaced = offset == more.count - 1 ? lastValue ?? value : value
                bind(replaced, at: Int32(values.count + offset + 1), statement.sqliteStatement, buffer: buffer, used: &used)
            }
            return try step(statement)
        }
    }

    private static func textBytes(_ value: DatabaseValue) -> Int {
        if case let .string(text) = value.storage { return text.utf8.count }
        return 0
    }

    private static func step(_ statement: Statement) throws -> Int64? {
        let handle = statement.sqliteStatement
        defer {
            sqlite3_reset(handle)
            sqlite3_clear_bindings(handle)  // nothing may point into the buffer after it is gone
        }
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return sqlite3_column_int64(handle, 0)
        case SQLITE_DONE: return nil
        case let code:
            throw DatabaseError(resultCode: ResultCode(rawValue: code),
                                message: String(cString: sqlite3_errmsg(sqlite3_db_handle(handle))), sql: statement.sql)
        }
    }

    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    private static func bind(_ value: DatabaseValue, at index: Int32, _ handle: SQLiteStatement, buffer: UnsafeMutableBufferPointer<UInt8>, used: inout Int) {
        switch value.storage {
        case .null: sqlite3_bind_null(handle, index)
        case let .int64(number): sqlite3_bind_int64(handle, index, number)
        case let .double(number): sqlite3_bind_double(handle, index, number)
        case let .string(text):
            let start = used
            var text = text
            text.withUTF8 { bytes in
                if let source = bytes.baseAddress { (buffer.baseAddress! + start).initialize(from: source, count: bytes.count) }
                used += bytes.count
            }
            let pointer = UnsafeRawPointer(buffer.baseAddress! + start).assumingMemoryBound(to: CChar.self)
            sqlite3_bind_text(handle, index, pointer, Int32(used - start), nil)  // nil: SQLITE_STATIC
        case let .blob(data): data.withUnsafeBytes { _ = sqlite3_bind_blob(handle, index, $0.baseAddress, Int32($0.count), transient) }
        }
    }
}
