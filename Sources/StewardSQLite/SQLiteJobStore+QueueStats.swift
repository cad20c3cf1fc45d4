public import Foundation
import GRDB
public import StewardCore

extension SQLiteJobStore {
    /// Reads that touch only active and recent rows, in one snapshot: depth by state from the
    /// partial `jobs_active` index, each queue's oldest available job from `jobs_claim`, and the
    /// window's outcomes from `jobs_finalized`. A queue with neither is not listed.
    public func queueStats(now: Date, window: Duration) async throws -> [QueueStats] {
        let since = now.sqlSeconds - window.timeInterval
        return try await database.read { db in
            var stats: [String: QueueStats] = [:]
            let entry = QueueStats.empty
            for row in try Row.fetchAll(db, sql: """
                SELECT queue, state, count(*) FROM jobs INDEXED BY jobs_active
                WHERE state IN ('scheduled','available','running','retryable') GROUP BY queue, state
                """) {
                guard let state = JobState(rawValue: row[1]) else { continue }
                stats[row[0], default: entry(row[0])].counts[state] = row[2]
            }
            for queue in stats.keys where stats[queue]?.counts[.available] != nil {
                let oldest = try Double.fetchOne(db, sql: "SELECT min(run_at) FROM jobs WHERE queue = ? AND state = 'available'", arguments: [queue])
                stats[queue]?.oldestAvailableAt = oldest.map(JobRow.date)
            }
            for row in try Row.fetchAll(db, sql: """
                SELECT queue, state, count(*) FROM jobs WHERE state IN ('completed', 'discarded') AND finalized_at >= ? GROUP BY queue, state
                """, arguments: [since]) {
                if row[1] == "completed" { stats[row[0], default: entry(row[0])].completedInWindow = row[2] }
                else { stats[row[0], default: entry(row[0])].discardedInWindow = row[2] }
            }
            return stats.values.sorted { $0.queue < $1.queue }
        }
    }
}
