public import Foundation
public import GRDB
public import StewardCore

extension SQLiteJobStore {
    public func jobInsertMany(_ jobs: [NewJob], now: Date) async throws -> [InsertResult] {
        try await database.write { db in try self.enqueue(jobs, in: db, now: now) }
    }

    /// Transactional enqueue: inserts jobs inside the caller's write transaction, so business
    /// rows and their follow-up jobs commit (or roll back) together. Workers are woken after the
    /// commit, never before.
    public func enqueue(_ jobs: [NewJob], in db: Database, now: Date) throws -> [InsertResult] {
        for job in jobs { try job.validate() }
        let results = try jobs.map { try insert($0, db: db, now: now) }
        wakeups.wake(Set(results.filter(\.inserted).map(\.job.queue)), after: db)
        return results
    }

    private func insert(_ job: NewJob, db: Database, now: Date) throws -> InsertResult {
        let stored = Self.storedJob(job, now: now)
        let statement = try db.cachedStatement(sql: """
            INSERT INTO jobs (kind, queue, args, priority, state, max_attempts, run_at, created_at,
                              unique_key, unique_states)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT DO NOTHING
            RETURNING id
            """)
        statement.setUncheckedArguments([
            stored.kind, stored.queue, stored.args, stored.priority, stored.state.rawValue, stored.maxAttempts,
            stored.runAt.sqlSeconds, now.sqlSeconds, stored.uniqueKey, job.uniqueKey == nil ? nil : job.uniqueStates.rawValue,
        ])
        guard let id = try Int64.fetchOne(statement) else {
            return InsertResult(job: try existingUnique(job, db: db), inserted: false)
        }
        var inserted = stored
        inserted.id = id
        return InsertResult(job: inserted, inserted: true)
    }

    /// The row an insert writes, as a `Job` (built here rather than read back: inserts are hot).
    private static func storedJob(_ job: NewJob, now: Date) -> Job {
        let runAt = job.runAt ?? now
        return Job(
            id: 0, kind: job.kind, queue: job.queue, args: job.args, priority: job.priority,
            state: runAt > now ? .scheduled : .available, attempt: 0,
            maxAttempts: job.maxAttempts ?? RetryPolicy.standard.maxAttempts, runAt: runAt, createdAt: now,
            uniqueKey: job.uniqueKey
        )
    }

    /// The job holding `job`'s unique key: the row the partial unique index conflicted with.
    private func existingUnique(_ job: NewJob, db: Database) throws -> Job {
        guard let key = job.uniqueKey, let holder = try Self.uniqueHolder(kind: job.kind, key: key, db: db) else {
            throw StewardError(.invalidArguments, "job of kind '\(job.kind)' was rejected by a database constraint",
                               fix: "check its unique key '\(job.uniqueKey ?? "")' and arguments")
        }
        return holder
    }

    /// The job whose state holds the (kind, key) slot of the partial unique index, if any.
    static func uniqueHolder(kind: String, key: String, excluding id: JobID? = nil, db: Database) throws -> Job? {
        try Row.fetchOne(db, sql: """
            SELECT \(JobRow.columns) FROM jobs WHERE kind = ? AND unique_key = ? AND id IS NOT ?
              AND (unique_states & \(JobStateSQL.bitExpression)) != 0
            """, arguments: [kind, key, id]).map(JobRow.job(from:))
    }
}
