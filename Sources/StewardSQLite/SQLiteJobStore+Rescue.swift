public import Foundation
import GRDB
public import StewardCore

extension SQLiteJobStore {
    public func jobRescueExpired(
        now: Date, limit: Int, hooks: JobGiveUpHooks, decide: @Sendable (Job) -> JobOutcome
    ) async throws -> [RescuedJob] {
        let rescued = try await database.write { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT \(JobRow.columns) FROM jobs WHERE state = 'running' AND lease_expires_at < ?
                ORDER BY lease_expires_at LIMIT ?
                """, arguments: [now.sqlSeconds, limit])
            var tally = JobMinuteTally(now: now)
            let rescued = try rows.map(JobRow.job(from:)).compactMap { job in
                try self.rescue(job, outcome: decide(job), now: now, hooks: hooks, tally: &tally, db: db)
            }
            try tally.write(db)
            return rescued
        }
        if !rescued.isEmpty { notifications.notifyAll() }
        return rescued
    }

    private func rescue(_ job: Job, outcome: JobOutcome, now: Date, hooks: JobGiveUpHooks,
                        tally: inout JobMinuteTally, db: Database) throws -> RescuedJob? {
        guard let lease = job.lease else { return nil }
        let applied = try finish(JobFinish(lease: lease, outcome: outcome), now: now, hooks: hooks, measured: false, tally: &tally, db: db)
        return applied ? RescuedJob(id: job.id, kind: job.kind, queue: job.queue, state: outcome.resultingState) : nil
    }

    public func jobPrune(_ params: JobPruneParams) async throws -> Int {
        let cutoffs: [(JobState, Date)] = [
            (.completed, params.completedBefore), (.discarded, params.discardedBefore), (.cancelled, params.discardedBefore),
        ]
        var total = 0
        for (state, cutoff) in cutoffs {
            total += try await pruneState(state, before: cutoff, batchSize: params.batchSize)
        }
        return total
    }

    /// Deletes in short transactions so a large prune never holds the write lock for long.
    private func pruneState(_ state: JobState, before cutoff: Date, batchSize: Int) async throws -> Int {
        var total = 0
        while true {
            let deleted = try await database.write { db in
                try db.execute(sql: """
                    DELETE FROM jobs WHERE id IN (
                        SELECT id FROM jobs WHERE state = ? AND finalized_at IS NOT NULL AND finalized_at < ? LIMIT ?)
                    """, arguments: [state.rawValue, cutoff.sqlSeconds, batchSize])
                return db.changesCount
            }
            total += deleted
            if deleted < batchSize { return total }
        }
    }
}
