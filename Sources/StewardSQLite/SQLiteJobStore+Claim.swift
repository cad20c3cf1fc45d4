public import Foundation
import GRDB
public import StewardCore

extension SQLiteJobStore {
    public func jobClaim(_ params: JobClaimParams) async throws -> [Job] {
        try await database.write { db in
            try self.promoteDue(queue: params.queue, now: params.now, db: db)
            // A paused queue is promoted (so its due jobs wait as available) but not claimed.
            if try Self.isPaused(params.queue, now: params.now, db: db) { return [] }
            // A cursor decodes each row in place instead of copying it first.
            let rows = try Row.fetchCursor(db.cachedStatement(sql: Self.claimSQL), arguments: [
                params.now.sqlSeconds, params.owner, params.now.adding(params.leaseDuration).sqlSeconds,
                params.queue, params.limit,
            ])
            var jobs: [Job] = []
            jobs.reserveCapacity(params.limit)
            while let row = try rows.next() { jobs.append(try JobRow.job(from: row)) }
            // RETURNING does not promise an order; hand jobs out in claim order.
            return jobs.sorted { ($0.priority, $0.runAt, $0.id) < ($1.priority, $1.runAt, $1.id) }
        }
    }

    /// One statement claims the batch: the subquery walks `jobs_claim` in order and stops at the
    /// limit; each claimed row gets its own random lease token.
    static let claimSQL = """
        UPDATE jobs
        SET state = 'running', attempt = attempt + 1, attempted_at = ?,
            lease_owner = ?, lease_token = random(), lease_expires_at = ?
        WHERE id IN (
            SELECT id FROM jobs
            WHERE queue = ? AND state = 'available'
            ORDER BY priority, run_at, id
            LIMIT ?)
        RETURNING \(JobRow.columns)
        """

    /// `scheduled` and `retryable` jobs become `available` when due. Done in the claim's
    /// transaction, so the claim itself reads one state and stays an ordered index walk.
    private func promoteDue(queue: String, now: Date, db: Database) throws {
        try db.cachedStatement(sql: """
            UPDATE jobs SET state = 'available'
            WHERE queue = ? AND state IN ('scheduled','retryable') AND run_at <= ?
            """).execute(arguments: [queue, now.sqlSeconds])
    }

    public func jobNextRunAt(queue: String) async throws -> Date? {
        try await database.read { db in
            let seconds = try Double.fetchOne(db, sql: """
                SELECT min(run_at) FROM jobs WHERE queue = ? AND state IN ('scheduled','retryable')
                """, arguments: [queue])
            return seconds.map(JobRow.date)
        }
    }
}
