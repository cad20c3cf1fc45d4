public import Foundation
import GRDB
public import StewardCore

extension SQLiteJobStore {
    /// Summed by SQLite; the run times of a bucket come back as one text of all its rows' pairs
    /// (a bucket number may repeat: parsing adds them up).
    public func jobMinuteBuckets(from: Date, to: Date, queue: String?, bucket: Duration) async throws -> [JobMinute] {
        let width = max(60, (bucket.timeInterval / 60).rounded() * 60)
        return try await database.read { db in
            var sql = """
                SELECT CAST(minute / :width AS INTEGER) * :width AS bucket, queue, kind, sum(completed), sum(failed), sum(retried),
                       group_concat(run_times, ' ')
                FROM job_minutes WHERE minute >= :from AND minute < :to
                """
            var arguments: [String: (any DatabaseValueConvertible)?] = ["width": width, "from": from.sqlSeconds, "to": to.sqlSeconds]
            if let queue {
                sql += " AND queue = :queue"
                arguments["queue"] = queue
            }
            return try Row.fetchAll(db, sql: sql + " GROUP BY 1, 2, 3 ORDER BY 1, 2, 3", arguments: StatementArguments(arguments)).map { row in
                JobMinute(minute: JobRow.date(row[0]), queue: row[1], kind: row[2], completed: row[3], failed: row[4], retried: row[5],
                          runTimes: RunTimeHistogram(compactText: row[6] ?? ""))
            }
        }
    }

    public func jobMinutesPrune(before cutoff: Date) async throws -> Int {
        try await database.write { db in
            try db.execute(sql: "DELETE FROM job_minutes WHERE minute < ?", arguments: [cutoff.sqlSeconds])
            return db.changesCount
        }
    }
}
