public import Foundation
import GRDB
public import StewardCore
public import StewardSQLite
import StewardCRM

/// Retrying and cancelling jobs for people, one at a time or in bulk, each change written to
/// `audit_log` in its transaction: what every front end calls.
public struct JobService: Sendable {
    public let store: SQLiteJobStore
    public let clock: any JobClock
    /// The kinds' give-up hooks, run when a job is cancelled.
    public let hooks: JobGiveUpHooks

    public init(store: SQLiteJobStore, clock: any JobClock, hooks: JobGiveUpHooks) {
        self.store = store
        self.clock = clock
        self.hooks = hooks
    }

    public func retry(_ id: JobID, by actor: String, requestID: String? = nil) async throws -> Job {
        let now = clock.now()
        let job = try await store.database.write { [store] db in
            let job = try store.jobRetry(id: id, now: now, in: db)
            try CRMAudit.record("job.retried", entity: "job", id: id, details: ["kind": job.kind, "queue": job.queue], actor: actor,
                                requestID: requestID, db: db, now: now)
            return job
        }
        store.notifications.notify(queue: job.queue)
        return job
    }

    public func cancel(_ id: JobID, by actor: String, requestID: String? = nil) async throws -> Job {
        let now = clock.now()
        return try await store.database.write { [store, hooks] db in
            let job = try store.jobCancel(id: id, now: now, hooks: hooks, in: db)
            try CRMAudit.record("job.cancelled", entity: "job", id: id, details: ["kind": job.kind, "queue": job.queue], actor: actor,
                                requestID: requestID, db: db, now: now)
            return job
        }
    }

    /// How many jobs `filter` matches now: what a bulk action would touch.
    public func count(_ filter: JobFilter) async throws -> Int {
        try await store.jobCount(try filter.params(limit: 0))
    }

    /// Enqueues a bulk job doing `action` to the jobs `filter` matches now (those created later
    /// are left alone); returns it and the count it will touch. Audited with the request.
    public func startBulk(_ action: BulkJobAction, filter: JobFilter, by actor: String, requestID: String? = nil) async throws -> (job: Job, count: Int) {
        let now = clock.now()
        let params = try filter.params(limit: 0)
        return try await store.database.write { [store] db in
            let count = try SQLiteJobStore.jobCount(params, db: db)
            let lastID = try JobID.fetchOne(db, sql: "SELECT max(id) FROM jobs") ?? 0
            let args = BulkJobsKind.Arguments(action: action, filter: filter, lastID: lastID, by: actor, requestID: requestID)
            let job = try store.enqueue([NewJob(kind: BulkJobsKind.name, args: try args.json(), maxAttempts: 3)], in: db, now: now)[0].job
            try CRMAudit.record("jobs.bulk_\(action.rawValue)_requested", entity: "job", id: job.id,
                                details: ["count": String(count), "filter": try args.filterJSON()], actor: actor, requestID: requestID, db: db, now: now)
            return (job, count)
        }
    }
}
