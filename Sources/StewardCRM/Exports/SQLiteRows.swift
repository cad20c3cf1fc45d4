import GRDB
import GRDBSQLite

/// Steps a prepared statement with the SQLite C API. For streaming millions of rows into a
/// file, GRDB's cursor bookkeeping per row cost more than reading the columns.
enum SQLiteRows {
    /// Calls `body` once per row while the statement is positioned on it; returns the row count.
    static func forEach(_ statement: Statement, _ body: () throws -> Void) throws -> Int {
        let handle = statement.sqliteStatement
        defer { sqlite3_reset(handle) }
        var rows = 0
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { return rows }
            guard code == SQLITE_ROW else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(sqlite3_db_handle(handle))), sql: statement.sql)
            }
            try body()
            rows += 1
        }
    }
}
