public import Foundation
import GRDB
public import StewardCore

extension SQLiteJobStore {
    public func jobFinishMany(_ finishes: [JobFinish], now: Date) async throws -> Set<JobID> {
        guard !finishes.isEmpty else { return [] }
        let lost = try await database.write { db in
            try Set(finishes.filter { try !self.finish($0, now: now, db: db) }.map(\.lease.jobID))
        }
        notifyRequeued(finishes.filter { !lost.contains($0.lease.jobID) })
        return lost
    }

    /// Applies one outcome under its lease; false when the lease no longer holds.
    func finish(_ finish: JobFinish, now: Date, db: Database) throws -> Bool {
        let (sql, arguments) = Self.finishStatement(finish.outcome, now: now)
        let statement = try db.cachedStatement(sql: sql + " WHERE id = ? AND lease_token = ? AND state = 'running'")
        try statement.execute(arguments: arguments + [finish.lease.jobID, finish.lease.token])
        return db.changesCount > 0
    }

    /// Jobs that went back to waiting may be due soon: wake their queues to re-plan.
    private func notifyRequeued(_ finishes: [JobFinish]) {
        if finishes.contains(where: { $0.outcome != .completed }) { notifications.notifyAll() }
    }

    private static let clearLease = "lease_token = NULL, lease_expires_at = NULL"
    private static let appendError =
        "errors = json_insert(errors, '$[#]', json_object('at', ?, 'attempt', attempt, 'message', ?))"

    /// The SET part of the UPDATE for each outcome, with its arguments.
    static func finishStatement(_ outcome: JobOutcome, now: Date) -> (String, StatementArguments) {
        switch outcome {
        case .completed:
            ("UPDATE jobs SET state = 'completed', finalized_at = ?, \(clearLease)", [now.sqlSeconds])
        case let .retry(at, error):
            ("UPDATE jobs SET state = 'retryable', run_at = ?, \(appendError), \(clearLease)",
             [at.sqlSeconds, now.sqlSeconds, error])
        case let .discard(error):
            ("UPDATE jobs SET state = 'discarded', finalized_at = ?, \(appendError), \(clearLease)",
             [now.sqlSeconds, now.sqlSeconds, error])
        case let .snooze(until):
            ("UPDATE jobs SET state = 'scheduled', run_at = ?, attempt = attempt - 1, \(clearLease)", [until.sqlSeconds])
        case .release:
            ("UPDATE jobs SET state = 'available', attempt = attempt - 1, \(clearLease)", [])
        }
    }

    public func jobHeartbeat(_ leases: [Lease], expiresAt: Date) async throws -> Set<JobID> {
        guard !leases.isEmpty else { return [] }
        return try await database.write { db in
            let statement = try db.cachedStatement(sql: """
                UPDATE jobs SET lease_expires_at = ? WHERE id = ? AND lease_token = ? AND state = 'running'
                """)
            var lost = Set<JobID>()
            for lease in leases {
                try statement.execute(arguments: [expiresAt.sqlSeconds, lease.jobID, lease.token])
                if db.changesCount == 0 { lost.insert(lease.jobID) }
            }
            return lost
        }
    }
}
