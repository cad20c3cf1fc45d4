public import Foundation
public import GRDB
public import StewardCore

/// Queue calls for modules that change their own rows in the same transaction (the CRM's kinds):
/// they reach the `jobs` table only through these.
extension SQLiteJobStore {
    /// Cancels the job inside the caller's transaction unless a worker holds a live lease on it;
    /// true when no worker runs it (cancelled here, or already final). A job waiting to retry,
    /// or whose worker died, would never see a cancel request, so it is cancelled at once.
    public func jobCancelUnlessRunning(_ id: JobID, in db: Database, now: Date) throws -> Bool {
        try db.execute(sql: """
            UPDATE jobs SET state = 'cancelled', finalized_at = ?, lease_token = NULL
            WHERE id = ? AND state IN ('scheduled', 'available', 'retryable', 'running')
              AND (state != 'running' OR lease_expires_at IS NULL OR lease_expires_at < ?)
            """, arguments: [now.sqlSeconds, id, now.sqlSeconds])
        if db.changesCount == 1 { return true }
        return try String.fetchOne(db, sql: "SELECT state FROM jobs WHERE id = ?", arguments: [id]) != JobState.running.rawValue
    }

    /// Whether a job of `kind` with `uniqueKey` is still to run or running (scheduled,
    /// available, running or retryable).
    public func jobIsPending(kind: String, uniqueKey: String, in db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: """
            SELECT EXISTS (SELECT 1 FROM jobs WHERE kind = ? AND unique_key = ? AND state IN ('scheduled', 'available', 'running', 'retryable'))
            """, arguments: [kind, uniqueKey]) ?? false
    }
}
