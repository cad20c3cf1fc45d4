public import Foundation
public import StewardCore
public import StewardSQLite
import StewardCRM
import GRDB

/// Pausing and resuming queues for people, each change written to `audit_log` in its
/// transaction: what every front end calls.
public struct QueueService: Sendable {
    public let store: SQLiteJobStore

    public init(store: SQLiteJobStore) { self.store = store }

    public func pause(_ params: QueuePauseParams) async throws -> QueuePause {
        try await store.database.write { [store] db in
            let pause = try store.queuePause(params, in: db)
            var details = ["queue": params.queue]
            if let reason = params.reason { details["reason"] = reason }
            try CRMAudit.record("queue.paused", entity: "queue", id: nil, details: details, actor: params.by ?? "unknown", db: db, now: params.now)
            return pause
        }
    }

    /// False when the queue was not paused (nothing is audited then).
    public func resume(_ queue: String, by actor: String?, now: Date) async throws -> Bool {
        try await store.database.write { [store] db in
            guard try store.queueResume(queue, in: db) else { return false }
            try CRMAudit.record("queue.resumed", entity: "queue", id: nil, details: ["queue": queue], actor: actor ?? "unknown", db: db, now: now)
            return true
        }
    }
}
