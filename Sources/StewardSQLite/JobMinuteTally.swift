import Foundation
import GRDB
import StewardCore

/// Collects one transaction's outcomes per queue and kind, then adds them to `job_minutes` in
/// that transaction: the rollup never disagrees with the jobs it counts, and a batch of
/// thousands of outcomes costs one upsert per kind, not one per job.
struct JobMinuteTally {
    private struct Key: Hashable { var queue: String; var kind: String }
    private var rows: [Key: JobMinute] = [:]
    let minute: Date

    init(now: Date) { minute = JobMinute.start(of: now) }

    /// `ranFor` is nil when the run time is unknown (a lease the rescuer found expired).
    mutating func count(queue: String, kind: String, outcome: JobOutcome, ranFor: TimeInterval?) {
        let key = Key(queue: queue, kind: kind)
        var row = rows[key] ?? JobMinute(minute: minute, queue: queue, kind: kind)
        switch outcome {
        case .completed: row.completed += 1
        case .discard: row.failed += 1
        case .retry, .retryLater, .leaseLost: row.retried += 1
        case .snooze, .release: return
        }
        if let ranFor { row.runTimes.record(max(0, ranFor)) }
        rows[key] = row
    }

    func write(_ db: Database) throws {
        for row in rows.values {
            var runTimes = row.runTimes
            if let stored = try String.fetchOne(db.cachedStatement(sql: """
                SELECT run_times FROM job_minutes WHERE minute = ? AND queue = ? AND kind = ?
                """), arguments: [minute.sqlSeconds, row.queue, row.kind]) {
                runTimes.merge(RunTimeHistogram(compactText: stored))
            }
            try db.cachedStatement(sql: """
                INSERT INTO job_minutes (minute, queue, kind, completed, failed, retried, run_times) VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (minute, queue, kind) DO UPDATE SET
                    completed = completed + excluded.completed, failed = failed + excluded.failed,
                    retried = retried + excluded.retried, run_times = excluded.run_times
                """).execute(arguments: [minute.sqlSeconds, row.queue, row.kind, row.completed, row.failed, row.retried, runTimes.compactText])
        }
    }
}
