public import Foundation
import GRDB
public import StewardCore

extension SQLiteJobStore {
    /// Three grouped reads in one snapshot, each served by an index: depth by state, the oldest
    /// available job per queue (`jobs_claim`), and recent outcomes (`jobs_finalized`).
    public func queueStats(now: Date, window: Duration) async throws -> [QueueStats] {
        let since = now.sqlSeconds - window.timeInterval
        return try await database.read { db in
            var stats: [String: QueueStats] = [:]
            func entry(_ queue: String) -> QueueStats {
                QueueStats(queue: queue, counts: [:], oldestAvailableAt: nil, completedInWindow: 0, discardedInWindow: 0)
            }
            for row in try Row.fetchAll(db, sql: "SELECT queue, state, count(*) FROM jobs GROUP BY queue, state") {
                guard let state = JobState(rawValue: row[1]) else { continue }
                stats[row[0], default: entry(row[0])].counts[state] = row[2]
            }
            for row in try Row.fetchAll(db, sql: "SELECT queue, min(run_at) FROM jobs WHERE state = 'available' GROUP BY queue") {
                stats[row[0], default: entry(row[0])].oldestAvailableAt = (row[1] as Double?).map(JobRow.date)
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
