public import Foundation
import GRDB
public import StewardCore

extension SQLiteJobStore {
    public func processBeat(_ process: WorkerProcess) async throws {
        let queues = String(decoding: try JSONSerialization.data(withJSONObject: process.queues, options: .sortedKeys), as: UTF8.self)
        try await database.write { db in
            try db.execute(sql: """
                INSERT INTO worker_processes (owner, host, pid, queues, started_at, seen_at) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (owner) DO UPDATE SET queues = excluded.queues, seen_at = excluded.seen_at
                """, arguments: [process.owner, process.host, process.pid, queues, process.startedAt.sqlSeconds, process.seenAt.sqlSeconds])
        }
    }

    public func processGone(owner: String) async throws {
        try await database.write { db in
            try db.execute(sql: "DELETE FROM worker_processes WHERE owner = ?", arguments: [owner])
        }
    }

    /// Each process's running jobs are those under its leases (`lease_owner`).
    public func processes(seenSince since: Date) async throws -> [WorkerProcess] {
        try await database.read { db in
            let running = try Self.runningJobCounts(by: "lease_owner", db: db)
            return try Row.fetchAll(db, sql: """
                SELECT owner, host, pid, queues, started_at, seen_at FROM worker_processes WHERE seen_at >= ? ORDER BY host, owner
                """, arguments: [since.sqlSeconds]).map { row in
                let queues = (try? JSONSerialization.jsonObject(with: Data((row[3] as String).utf8))) as? [String: Int] ?? [:]
                return WorkerProcess(owner: row[0], host: row[1], pid: row[2], queues: queues, startedAt: JobRow.date(row[4]),
                                     seenAt: JobRow.date(row[5]), running: running[row[0]] ?? 0)
            }
        }
    }

    public func processPrune(seenBefore cutoff: Date) async throws -> Int {
        try await database.write { db in
            try db.execute(sql: "DELETE FROM worker_processes WHERE seen_at < ?", arguments: [cutoff.sqlSeconds])
            return db.changesCount
        }
    }
}
