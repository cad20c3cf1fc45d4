public import Foundation
public import GRDB

extension SQLiteJobStore {
    /// Running jobs counted per value of `expression` (a column or JSON path of `jobs`, written
    /// by Steward, never taken from a request), optionally of one kind and only under leases
    /// that still hold at `liveAt`. Read from the partial index of active jobs, so finished rows
    /// are never touched; the IN repeats the index's WHERE, since SQLite does not see that
    /// `state = 'running'` implies it. Rows whose value is NULL are left out.
    public static func runningJobCounts(by expression: String, kind: String? = nil, liveAt: Date? = nil, db: Database) throws -> [String: Int] {
        var sql = """
            SELECT \(expression), count(*) FROM jobs INDEXED BY jobs_active
            WHERE state IN ('scheduled','available','running','retryable') AND state = 'running'
            """
        var arguments: StatementArguments = []
        if let kind {
            sql += " AND kind = ?"
            arguments += [kind]
        }
        if let liveAt {
            sql += " AND lease_expires_at >= ?"
            arguments += [liveAt.sqlSeconds]
        }
        var counts: [String: Int] = [:]
        for row in try Row.fetchAll(db, sql: sql + " GROUP BY 1", arguments: arguments) {
            if let value = row[0] as String? { counts[value] = row[1] }
        }
        return counts
    }
}
