import Foundation
import GRDB
import GRDBSQLite

/// Binds and steps a prepared statement with the SQLite C API. An import runs one insert per
/// row; building GRDB `StatementArguments` for each cost more than the insert itself.
enum SQLiteBind {
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    /// Runs `statement` with `values`; returns the first column of its first row, if any.
    @discardableResult
    /// Every parameter is bound each time, so no earlier row's value can linger.
    static func run(_ statement: Statement, _ values: [DatabaseValue], then more: [DatabaseValue] = []) throws -> Int64? {
        let handle = statement.sqliteStatement
        for (offset, value) in values.enumerated() { bind(value, at: Int32(offset + 1), handle) }
        for (offset, value) in more.enumerated() { bind(value, at: Int32(values.count + offset + 1), handle) }
        let code = sqlite3_step(handle)
        defer { sqlite3_reset(handle) }
        switch code {
        case SQLITE_ROW: return sqlite3_column_int64(handle, 0)
        case SQLITE_DONE: return nil
        default:
            throw DatabaseError(resultCode: ResultCode(rawValue: code),
                                message: String(cString: sqlite3_errmsg(sqlite3_db_handle(handle))), sql: statement.sql)
        }
    }

    private static func bind(_ value: DatabaseValue, at index: Int32, _ handle: SQLiteStatement) {
        switch value.storage {
        case .null: sqlite3_bind_null(handle, index)
        case let .int64(number): sqlite3_bind_int64(handle, index, number)
        case let .double(number): sqlite3_bind_double(handle, index, number)
        case let .string(text): sqlite3_bind_text(handle, index, text, -1, transient)
        case let .blob(data): data.withUnsafeBytes { _ = sqlite3_bind_blob(handle, index, $0.baseAddress, Int32($0.count), transient) }
        }
    }
}
