public import Foundation
import GRDB
public import StewardCore

extension SQLiteJobStore {
    public func jobFinishMany(_ finishes: [JobFinish], now: Date, hooks: JobGiveUpHooks) async throws -> Set<JobID> {
        guard !finishes.isEmpty else { return [] }
        let completed = finishes.filter { $0.outcome == .completed }.map(\.lease)
        let others = finishes.filter { $0.outcome != .completed }
        let lost = try await database.write { db in
            var tally = JobMinuteTally(now: now)
            let lostCompletions = try Self.complete(completed, now: now, tally: &tally, db: db)
            var lostOthers: [JobID] = []
            for finish in others where try !self.finish(finish, now: now, hooks: hooks, tally: &tally, db: db) {
                lostOthers.append(finish.lease.jobID)
            }
            try tally.write(db)
            return lostCompletions.union(lostOthers)
        }
        notifyRequeued(finishes.filter { !lost.contains($0.lease.jobID) })
        return lost
    }

    /// Applies one outcome under its lease and counts it in `tally`; false when the lease no
    /// longer holds. A discard runs the kind's give-up hook in the same transaction. `measured`
    /// is false for the rescuer, whose "run time" would only be how late it noticed.
    func finish(_ finish: JobFinish, now: Date, hooks: JobGiveUpHooks, measured: Bool = true,
                tally: inout JobMinuteTally, db: Database) throws -> Bool {
        let (sql, arguments) = Self.finishStatement(finish.outcome, now: now)
        let statement = try db.cachedStatement(sql: sql + " WHERE id = ? AND lease_token = ? AND state = 'running' \(Self.tallied)")
        guard let row = try Row.fetchOne(statement, arguments: arguments + [finish.lease.jobID, finish.lease.token]) else { return false }
        Self.count(row, outcome: finish.outcome, now: now, measured: measured, in: &tally)
        if case let .discard(error) = finish.outcome {
            try gaveUp(finish.lease.jobID, state: .discarded, reason: error, hooks: hooks, now: now, db: db)
        }
        return true
    }

    /// Completes a batch in one statement: the leases go in as one JSON array, joined to `jobs`
    /// by primary key; RETURNING names the ones whose lease still held. Per-row statements cost
    /// more in binding and bookkeeping than the update itself.
    static func complete(_ leases: [Lease], now: Date, tally: inout JobMinuteTally, db: Database) throws -> Set<JobID> {
        guard !leases.isEmpty else { return [] }
        let rows = try Row.fetchAll(db.cachedStatement(sql: """
            UPDATE jobs SET state = 'completed', finalized_at = ?, \(clearLease)
            FROM (SELECT value ->> 0 AS id, value ->> 1 AS token FROM json_each(?)) AS done
            WHERE jobs.id = done.id AND jobs.lease_token = done.token AND jobs.state = 'running'
            RETURNING jobs.id, jobs.queue, jobs.kind, jobs.attempted_at
            """), arguments: [now.sqlSeconds, leasesJSON(leases)])
        for row in rows { count(row, outcome: .completed, now: now, measured: true, in: &tally) }
        return Set(leases.map(\.jobID)).subtracting(rows.map { $0[0] as JobID })
    }

    /// What a finishing UPDATE returns for the rollup: id, queue, kind, attempted_at.
    private static let tallied = "RETURNING id, queue, kind, attempted_at"

    private static func count(_ row: Row, outcome: JobOutcome, now: Date, measured: Bool, in tally: inout JobMinuteTally) {
        let attemptedAt: Double? = row[3]
        let ranFor = measured ? attemptedAt.map { now.sqlSeconds - $0 } : nil
        tally.count(queue: row[1], kind: row[2], outcome: outcome, ranFor: ranFor)
    }

    /// `[[id, token], …]`
    static func leasesJSON(_ leases: [Lease]) -> String {
        "[" + leases.map { "[\($0.jobID),\($0.token)]" }.joined(separator: ",") + "]"
    }

    /// Jobs that went back to waiting may be due soon: wake their queues to re-plan.
    private func notifyRequeued(_ finishes: [JobFinish]) {
        if finishes.contains(where: { $0.outcome != .completed }) { notifications.notifyAll() }
    }

    private static let clearLease = "lease_token = NULL, lease_expires_at = NULL"
    private static let appendError =
        "errors = json_insert(errors, '$[#]', json_object('at', ?, 'attempt', attempt, 'message', ?))"

    /// The SET part of the UPDATE for each outcome, with its arguments. Every outcome but a lost
    /// lease means the handler returned, which ends a run of lease losses.
    static func finishStatement(_ outcome: JobOutcome, now: Date) -> (String, StatementArguments) {
        switch outcome {
        case .completed:
            ("UPDATE jobs SET state = 'completed', finalized_at = ?, \(clearLease)", [now.sqlSeconds])
        case let .retry(at, error):
            ("UPDATE jobs SET state = 'retryable', run_at = ?, \(appendError), \(clearLease), lease_losses = 0",
             [at.sqlSeconds, now.sqlSeconds, error])
        case let .discard(error):
            ("UPDATE jobs SET state = 'discarded', finalized_at = ?, \(appendError), \(clearLease)",
             [now.sqlSeconds, now.sqlSeconds, error])
        case let .retryLater(at, error):
            ("UPDATE jobs SET state = 'retryable', run_at = ?, attempt = attempt - 1, \(appendError), \(clearLease), lease_losses = 0",
             [at.sqlSeconds, now.sqlSeconds, error])
        case let .snooze(until):
            ("UPDATE jobs SET state = 'scheduled', run_at = ?, attempt = attempt - 1, \(clearLease), lease_losses = 0", [until.sqlSeconds])
        case .release:
            ("UPDATE jobs SET state = 'available', attempt = attempt - 1, \(clearLease), lease_losses = 0", [])
        case let .leaseLost(error):
            ("UPDATE jobs SET state = 'available', run_at = ?, attempt = attempt - 1, \(appendError), \(clearLease), lease_losses = lease_losses + 1",
             [now.sqlSeconds, now.sqlSeconds, error])
        }
    }

    public func jobHeartbeat(_ leases: [Lease], expiresAt: Date) async throws -> Set<JobID> {
        guard !leases.isEmpty else { return [] }
        let held = try await database.write { db in
            try Int64.fetchSet(db.cachedStatement(sql: """
                UPDATE jobs SET lease_expires_at = ?
                FROM (SELECT value ->> 0 AS id, value ->> 1 AS token FROM json_each(?)) AS leased
                WHERE jobs.id = leased.id AND jobs.lease_token = leased.token AND jobs.state = 'running'
                RETURNING jobs.id
                """), arguments: [expiresAt.sqlSeconds, Self.leasesJSON(leases)])
        }
        return Set(leases.map(\.jobID)).subtracting(held)
    }
}
