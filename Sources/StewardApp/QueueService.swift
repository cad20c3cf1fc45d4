public import Foundation
public import StewardCore
public import StewardSQLite
import StewardCRM
import GRDB

/// Pausing and resuming queues for people, each change written to `audit_log` in its
/// transaction: what every front end calls.
public struct QueueService: Sendable {
    public let store: SQLiteJobStore
    /// Queues listed even when they hold nothing (those the workers serve), so they can be
    /// paused before their first job.
    public let known: [String]

    public init(store: SQLiteJobStore, known: [String] = []) {
        self.store = store
        self.known = known
    }

    /// Every known queue and every queue that holds jobs or a pause, by name, with its stats
    /// over the last `window`.
    public func overview(now: Date, window: Duration = .seconds(300)) async throws -> [(stats: QueueStats, pause: QueuePause?)] {
        var stats = Dictionary(uniqueKeysWithValues: try await store.queueStats(now: now, window: window).map { ($0.queue, $0) })
        let pauses = Dictionary(uniqueKeysWithValues: try await store.queuePauses(now: now).map { ($0.queue, $0) })
        for queue in Set(pauses.keys).union(known) where stats[queue] == nil {
            stats[queue] = .empty(queue)
        }
        return stats.keys.sorted().map { (stats[$0]!, pauses[$0]) }
    }

    /// A process whose pool has not beaten for this long is shown as silent: killed, hung, or
    /// cut off from the database (a pool beats every heartbeat, 10 s by default).
    public static let silentAfter: Duration = .seconds(60)

    /// The worker processes seen in the last hour, each with whether it has gone silent.
    public func processes(now: Date) async throws -> [(process: WorkerProcess, silent: Bool)] {
        try await store.processes(seenSince: now.adding(.seconds(-3600))).map { process in
            (process, process.seenAt < now.adding(.zero - Self.silentAfter))
        }
    }

    public func pause(_ params: QueuePauseParams, requestID: String? = nil) async throws -> QueuePause {
        try NewJob.checkQueueName(params.queue)
        return try await store.database.write { [store] db in
            let pause = try store.queuePause(params, in: db)
            var details = ["queue": params.queue]
            if let reason = params.reason { details["reason"] = reason }
            try CRMAudit.record("queue.paused", entity: "queue", id: nil, details: details, actor: params.by ?? "unknown", requestID: requestID, db: db, now: params.now)
            return pause
        }
    }

    /// False when the queue was not paused (nothing is audited then).
    public func resume(_ queue: String, by actor: String?, requestID: String? = nil, now: Date) async throws -> Bool {
        try await store.database.write { [store] db in
            guard try store.queueResume(queue, in: db) else { return false }
            try CRMAudit.record("queue.resumed", entity: "queue", id: nil, details: ["queue": queue], actor: actor ?? "unknown", requestID: requestID, db: db, now: now)
            return true
        }
    }
}
