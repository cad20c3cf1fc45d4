import Foundation
import GRDB
import Logging
import StewardCore
import StewardCRM
import StewardSQLite

/// The job behind a bulk retry or cancel: works through the jobs its filter matched when it was
/// asked for (ids up to `lastID`) in batches of 500, one transaction each, auditing every job it
/// changes. A job whose state no longer allows the action (it is running, or already final) is
/// skipped. Run again after a crash, it finds only what is left.
enum BulkJobsKind {
    static let name = "jobs_bulk"
    static let batchSize = 500

    struct Arguments: Codable {
        var action: BulkJobAction
        var filter: JobFilter
        var lastID: JobID
        var by: String
        var requestID: String?

        func json() throws -> String { String(decoding: try JSONEncoder().encode(self), as: UTF8.self) }
        func filterJSON() throws -> String { String(decoding: try JSONEncoder().encode(filter), as: UTF8.self) }
    }

    static let checkArguments: JobArgumentCheck = { _ = try JobArguments.decode(Arguments.self, from: $0, kind: name) }

    static func make(store: SQLiteJobStore, hooks: JobGiveUpHooks, clock: any JobClock) -> JobKind {
        JobKind(name: name, checkArguments: checkArguments) { context in
            let args = try context.arguments(Arguments.self)
            var cursor: JobID = 0
            var changed = 0
            while let batch = try await runBatch(args, after: cursor, store: store, hooks: hooks, clock: clock, bulkJob: context.job.id) {
                cursor = batch.last
                changed += batch.changed
                for queue in batch.queues { store.notifications.notify(queue: queue) }
            }
            context.logger.info("bulk \(args.action.rawValue) done", metadata: ["changed": "\(changed)"])
            return .completed
        }
    }

    /// One batch in one transaction; nil when nothing is left.
    private static func runBatch(_ args: Arguments, after cursor: JobID, store: SQLiteJobStore, hooks: JobGiveUpHooks, clock: any JobClock,
                                 bulkJob: JobID) async throws -> (last: JobID, changed: Int, queues: Set<String>)? {
        let now = clock.now()
        let params = try args.filter.params(limit: batchSize, beforeID: args.lastID + 1)
        return try await store.database.write { db in
            let ids = try SQLiteJobStore.jobIDs(params, afterID: cursor, db: db)
            guard let last = ids.last else { return nil }
            var changed = 0
            var queues: Set<String> = []
            for id in ids where id != bulkJob {
                guard let job = try apply(args.action, to: id, store: store, hooks: hooks, now: now, db: db) else { continue }
                try CRMAudit.record(args.action == .retry ? "job.retried" : "job.cancelled", entity: "job", id: id,
                                    details: ["bulk_job": String(bulkJob)], actor: args.by, requestID: args.requestID, db: db, now: now)
                changed += 1
                queues.insert(job.queue)
            }
            return (last, changed, queues)
        }
    }

    /// The job after the action, or nil when its state does not allow it now.
    private static func apply(_ action: BulkJobAction, to id: JobID, store: SQLiteJobStore, hooks: JobGiveUpHooks, now: Date, db: Database) throws -> Job? {
        do {
            switch action {
            case .retry: return try store.jobRetry(id: id, now: now, in: db)
            case .cancel: return try store.jobCancel(id: id, now: now, hooks: hooks, in: db)
            }
        } catch let error as StewardError where error.code == .invalidTransition {
            return nil
        }
    }
}
