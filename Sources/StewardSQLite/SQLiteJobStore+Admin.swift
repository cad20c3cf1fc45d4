public import Foundation
public import GRDB
public import StewardCore

extension SQLiteJobStore {
    public func jobGet(id: JobID) async throws -> Job? {
        try await database.read { db in try Self.fetchJob(id: id, db: db) }
    }

    public func jobList(_ params: JobListParams) async throws -> [Job] {
        var (filter, arguments) = Self.filter(params)
        arguments += [params.limit]
        let sql = "SELECT \(JobRow.columns) FROM jobs \(filter) ORDER BY id DESC LIMIT ?"
        let bound = arguments
        return try await database.read { db in try Row.fetchAll(db, sql: sql, arguments: bound).map(JobRow.job(from:)) }
    }

    /// How many jobs `params` matches (its limit aside).
    public func jobCount(_ params: JobListParams) async throws -> Int {
        try await database.read { db in try Self.jobCount(params, db: db) }
    }

    /// As `jobCount`, but stops counting past `limit` (a page's "10,000+"): bounded work on a
    /// large store.
    public func jobCount(_ params: JobListParams, atMost limit: Int) async throws -> Int {
        let (filter, arguments) = Self.filter(params)
        return try await database.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM (SELECT 1 FROM jobs \(filter) LIMIT ?)", arguments: arguments + [limit]) ?? 0
        }
    }

    public static func jobCount(_ params: JobListParams, db: Database) throws -> Int {
        let (filter, arguments) = filter(params)
        return try Int.fetchOne(db, sql: "SELECT count(*) FROM jobs \(filter)", arguments: arguments) ?? 0
    }

    /// The ids `params` matches, oldest first, after `afterID`: a bulk action's next batch.
    public static func jobIDs(_ params: JobListParams, afterID: JobID, db: Database) throws -> [JobID] {
        var (filter, arguments) = filter(params)
        filter += (filter.isEmpty ? "WHERE" : " AND") + " id > ?"
        arguments += [afterID, params.limit]
        return try JobID.fetchAll(db, sql: "SELECT id FROM jobs \(filter) ORDER BY id LIMIT ?", arguments: arguments)
    }

    /// The WHERE clause of a listing: states, queue, kind, page and argument filters.
    private static func filter(_ params: JobListParams) -> (String, StatementArguments) {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if !params.states.isEmpty {
            conditions.append("state IN (\(databaseQuestionMarks(count: params.states.count)))")
            arguments += StatementArguments(params.states.map(\.rawValue))
        }
        if let queue = params.queue { conditions.append("queue = ?"); arguments += [queue] }
        if let kind = params.kind { conditions.append("kind = ?"); arguments += [kind] }
        if let before = params.beforeID { conditions.append("id < ?"); arguments += [before] }
        // The path is written into the SQL (its key was checked: letters, digits, '_' and '.'), so
        // an expression index on that path (the CRM's `account_id`) serves the filter.
        for filter in params.args where JobArgumentFilter.isKey(filter.key) {
            conditions.append("json_extract(args, '$.\(filter.key)') = ?")
            arguments += [Self.jsonValue(filter.value)]
        }
        return (conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "), arguments)
    }

    /// A filter's value as JSON would hold it: a whole or decimal number, else text.
    private static func jsonValue(_ text: String) -> any DatabaseValueConvertible {
        if let whole = Int64(text) { return whole }
        if let number = Double(text), number.isFinite { return number }
        return text
    }

    public func jobRetry(id: JobID, now: Date) async throws -> Job {
        let job = try await database.write { db in try self.jobRetry(id: id, now: now, in: db) }
        notifications.notify(queue: job.queue)
        return job
    }

    /// The retry in the caller's transaction (with its audit row, say); wake the queue's workers
    /// with `notifications.notify(queue:)` once it commits.
    public func jobRetry(id: JobID, now: Date, in db: Database) throws -> Job {
        let job = try Self.requireJob(id: id, db: db)
        try Self.checkRetryable(job, now: now, db: db)
        try db.execute(sql: """
            UPDATE jobs SET state = 'available', run_at = ?, finalized_at = NULL,
                max_attempts = max(max_attempts, attempt + 1), lease_token = NULL, lease_expires_at = NULL
            WHERE id = ?
            """, arguments: [now.sqlSeconds, id])
        return try Self.requireJob(id: id, db: db)
    }

    public func jobCancel(id: JobID, now: Date, hooks: JobGiveUpHooks) async throws -> Job {
        try await database.write { db in try self.jobCancel(id: id, now: now, hooks: hooks, in: db) }
    }

    /// The cancel, with the kind's give-up hook, in the caller's transaction.
    public func jobCancel(id: JobID, now: Date, hooks: JobGiveUpHooks, in db: Database) throws -> Job {
        let job = try Self.requireJob(id: id, db: db)
        guard !job.state.isFinal else {
            throw StewardError(.invalidTransition, "job \(id) is already \(job.state)",
                               fix: "only scheduled, available, running or retryable jobs can be cancelled")
        }
        // lease_expires_at stays: until then the old worker may still be running the handler.
        try db.execute(sql: """
            UPDATE jobs SET state = 'cancelled', finalized_at = ?, lease_token = NULL WHERE id = ?
            """, arguments: [now.sqlSeconds, id])
        try gaveUp(id, state: .cancelled, reason: "cancelled by an operator", hooks: hooks, now: now, db: db)
        return try Self.requireJob(id: id, db: db)
    }

    public func jobCountByState() async throws -> [JobCount] {
        try await database.read { db in
            try Row.fetchAll(db, sql: "SELECT queue, state, count(*) AS n FROM jobs GROUP BY queue, state ORDER BY queue, state")
                .compactMap { row in
                    JobState(rawValue: row["state"]).map { JobCount(queue: row["queue"], state: $0, count: row["n"]) }
                }
        }
    }

    /// A running job, one whose cancelled run may still be going, or one whose unique key
    /// another job now holds, cannot be made available again.
    private static func checkRetryable(_ job: Job, now: Date, db: Database) throws {
        guard job.state != .running else {
            throw StewardError(.invalidTransition, "job \(job.id) is running", fix: "cancel it first, or wait for it to finish")
        }
        if job.state == .cancelled, let leaseEnd = try Double.fetchOne(db, sql: "SELECT lease_expires_at FROM jobs WHERE id = ?", arguments: [job.id]),
           leaseEnd > now.sqlSeconds {
            throw StewardError(.invalidTransition, "job \(job.id) was cancelled while running and its worker may still be stopping",
                               fix: "retry after \(JobRow.date(leaseEnd)), when its lease has run out")
        }
        guard let key = job.uniqueKey else { return }
        if let holder = try uniqueHolder(kind: job.kind, key: key, excluding: job.id, db: db)?.id {
            throw StewardError(.invalidTransition, "job \(holder) now holds unique key '\(key)'", fix: "cancel job \(holder) first, or enqueue anew")
        }
    }

    static func fetchJob(id: JobID, db: Database) throws -> Job? {
        try Row.fetchOne(db, sql: "SELECT \(JobRow.columns) FROM jobs WHERE id = ?", arguments: [id]).map(JobRow.job(from:))
    }

    static func requireJob(id: JobID, db: Database) throws -> Job {
        guard let job = try fetchJob(id: id, db: db) else {
            throw StewardError(.jobNotFound, "no job with id \(id)", fix: "list jobs with `steward jobs list`")
        }
        return job
    }
}
