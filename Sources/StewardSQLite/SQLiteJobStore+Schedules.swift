public import Foundation
import GRDB
public import StewardCore

extension SQLiteJobStore: ScheduleStore {
    public func scheduleLastTick(name: String) async throws -> Date? {
        try await database.read { db in
            try Double.fetchOne(db, sql: "SELECT last_tick FROM schedule_ticks WHERE name = ?", arguments: [name]).map(JobRow.date)
        }
    }

    public func scheduleRecordTicks(name: String, lastTick: Date, jobs: [NewJob], replacing: Bool, now: Date) async throws -> [InsertResult] {
        try await database.write { db in
            // Another scheduler already recorded this tick (or a later one): nothing to do, and
            // in particular nothing to cancel.
            if let recorded = try Double.fetchOne(db, sql: "SELECT last_tick FROM schedule_ticks WHERE name = ?", arguments: [name]),
               recorded >= lastTick.sqlSeconds {
                return []
            }
            if replacing, let running = try Self.unfinishedJob(schedule: name, db: db) {
                try db.execute(sql: "UPDATE jobs SET state = 'cancelled', finalized_at = ?, lease_token = NULL WHERE id = ?",
                               arguments: [now.sqlSeconds, running.id])
            }
            let results = try self.enqueue(jobs, in: db, now: now)
            // Two schedulers may record the same tick: the later time always wins.
            try db.execute(sql: """
                INSERT INTO schedule_ticks (name, last_tick, last_job_id, updated_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (name) DO UPDATE SET
                    last_tick = max(last_tick, excluded.last_tick),
                    last_job_id = coalesce(excluded.last_job_id, last_job_id),
                    updated_at = excluded.updated_at
                """, arguments: [name, lastTick.sqlSeconds, results.last?.job.id, now.sqlSeconds])
            return results
        }
    }

    public func scheduleUnfinishedJob(name: String) async throws -> Job? {
        try await database.read { db in try Self.unfinishedJob(schedule: name, db: db) }
    }

    private static func unfinishedJob(schedule name: String, db: Database) throws -> Job? {
        guard let id = try Int64.fetchOne(db, sql: "SELECT last_job_id FROM schedule_ticks WHERE name = ?", arguments: [name]),
              let job = try fetchJob(id: id, db: db), !job.state.isFinal else { return nil }
        return job
    }
}
