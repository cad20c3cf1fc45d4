public import Foundation
public import GRDB
public import StewardCore

extension SQLiteJobStore {
    public func queuePause(_ params: QueuePauseParams) async throws -> QueuePause {
        try await database.write { db in try self.queuePause(params, in: db) }
    }

    /// Pauses inside the caller's transaction (a service that audits the change beside it).
    public func queuePause(_ params: QueuePauseParams, in db: Database) throws -> QueuePause {
        try params.checkQueue()
        try db.execute(sql: """
            INSERT INTO queue_pauses (queue, reason, paused_at, resume_at, paused_by) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (queue) DO UPDATE SET reason = excluded.reason, paused_at = excluded.paused_at,
                resume_at = excluded.resume_at, paused_by = excluded.paused_by
            """, arguments: [params.queue, params.reason, params.now.sqlSeconds, params.resumeAt?.sqlSeconds, params.by])
        return QueuePause(queue: params.queue, reason: params.reason, pausedAt: params.now, resumeAt: params.resumeAt, by: params.by)
    }

    public func queueResume(_ queue: String) async throws -> Bool {
        try await database.write { db in try self.queueResume(queue, in: db) }
    }

    /// Resumes inside the caller's transaction; the queue's workers are woken after the commit.
    public func queueResume(_ queue: String, in db: Database) throws -> Bool {
        try db.execute(sql: "DELETE FROM queue_pauses WHERE queue = ?", arguments: [queue])
        guard db.changesCount > 0 else { return false }
        wakeups.wake([queue], after: db)
        return true
    }

    public func queuePauses(now: Date) async throws -> [QueuePause] {
        try await database.read { db in
            try Row.fetchAll(db, sql: """
                SELECT queue, reason, paused_at, resume_at, paused_by FROM queue_pauses
                WHERE resume_at IS NULL OR resume_at > ? ORDER BY queue
                """, arguments: [now.sqlSeconds]).map {
                QueuePause(queue: $0[0], reason: $0[1], pausedAt: JobRow.date($0[2]), resumeAt: JobRow.optionalDate($0[3]), by: $0[4])
            }
        }
    }

    /// Whether `queue` is paused at `now`, inside the claim's transaction.
    static func isPaused(_ queue: String, now: Date, db: Database) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: """
            SELECT EXISTS (SELECT 1 FROM queue_pauses WHERE queue = ? AND (resume_at IS NULL OR resume_at > ?))
            """), arguments: [queue, now.sqlSeconds]) ?? false
    }
}

extension QueuePauseParams {
    func checkQueue() throws {
        try NewJob(kind: "pause", queue: queue).checkQueue()
    }
}
