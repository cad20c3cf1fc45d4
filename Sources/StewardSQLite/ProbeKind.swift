public import StewardCore
import GRDB

/// `probe`: records each execution in `probe_runs` (job id, attempt, worker). Used by the demo to
/// show which worker ran what, and by crash tests to prove no job ran twice.
public enum ProbeKind {
    public static let name = "probe"

    public static func make(store: SQLiteJobStore) -> JobKind {
        JobKind(name: name) { context in
            let job = context.job
            try await store.database.write { db in
                try db.execute(
                    sql: "INSERT INTO probe_runs (job_id, attempt, owner, ran_at) VALUES (?, ?, ?, ?)",
                    arguments: [job.id, job.attempt, job.lease?.owner, job.attemptedAt?.sqlSeconds])
            }
            return .completed
        }
    }
}
