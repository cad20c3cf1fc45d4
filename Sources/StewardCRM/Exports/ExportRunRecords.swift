import Foundation
import GRDB
public import StewardCore
public import StewardSQLite

/// The SQL of `export_runs`, in one place.
enum ExportRunRecords {
    static func start(_ export: String, jobID: JobID?, now: Date, store: SQLiteJobStore) async throws -> Int64 {
        try await store.database.write { db in
            try db.execute(sql: "INSERT INTO export_runs (export, job_id, started_at, status) VALUES (?, ?, ?, 'running')",
                           arguments: [export, jobID, now.timeIntervalSince1970])
            return db.lastInsertedRowID
        }
    }

    static func complete(_ id: Int64, export: String, path: String, written: ExportRunner.Written, now: Date, store: SQLiteJobStore) async throws -> ExportRun {
        try await store.database.write { db in
            try db.execute(sql: """
                UPDATE export_runs SET status = 'completed', finished_at = ?, rows = ?, bytes = ?, sha256 = ?, path = ? WHERE id = ?
                """, arguments: [now.timeIntervalSince1970, written.rows, written.bytes, written.sha256, path, id])
            let payload: [String: Any] = ["export": export, "run": id, "rows": written.rows, "bytes": written.bytes, "path": path, "sha256": written.sha256]
            try store.recordEvent("export.completed", payload: String(decoding: try JSONSerialization.data(withJSONObject: payload), as: UTF8.self), in: db, now: now)
            return try fetch(id, db: db)
        }
    }

    static func fail(_ id: Int64, export: String, error: String, now: Date, store: SQLiteJobStore) async throws {
        try await store.database.write { db in try fail(id, export: export, error: error, now: now, store: store, db: db) }
    }

    private static func fail(_ id: Int64, export: String, error: String, now: Date, store: SQLiteJobStore, db: Database) throws {
        try db.execute(sql: "UPDATE export_runs SET status = 'failed', finished_at = ?, error = ? WHERE id = ?",
                       arguments: [now.timeIntervalSince1970, error, id])
        let payload = String(decoding: try JSONSerialization.data(withJSONObject: ["export": export, "run": id, "error": error]), as: UTF8.self)
        try store.recordEvent("export.failed", payload: payload, in: db, now: now)
    }

    /// Runs a given-up job left `running` (its worker died mid-file) fail with `export.failed`.
    static func failRuns(ofJob jobID: JobID, error: String, now: Date, store: SQLiteJobStore, db: Database) throws {
        let running = try Row.fetchAll(db, sql: "SELECT id, export FROM export_runs WHERE job_id = ? AND status = 'running'", arguments: [jobID])
        for row in running { try fail(row[0], export: row[1], error: error, now: now, store: store, db: db) }
    }

    /// Completed runs past the newest `keep`, and the paths the kept ones use.
    static func beyondKeep(_ export: String, keep: Int, store: SQLiteJobStore) async throws -> (old: [(id: Int64, path: String)], keptPaths: Set<String>) {
        try await store.database.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT id, path FROM export_runs WHERE export = ? AND status = 'completed' AND pruned = 0 ORDER BY id DESC
                """, arguments: [export]).map { (id: $0[0] as Int64, path: $0[1] as String) }
            return (Array(rows.dropFirst(keep)), Set(rows.prefix(keep).map(\.path)))
        }
    }

    static func markPruned(_ id: Int64, store: SQLiteJobStore) async throws {
        try await store.database.write { db in try db.execute(sql: "UPDATE export_runs SET pruned = 1 WHERE id = ?", arguments: [id]) }
    }

    static func history(_ params: ExportHistoryParams, store: SQLiteJobStore) async throws -> [ExportRun] {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let export = params.export { conditions.append("export = ?"); arguments += [export] }
        if let before = params.beforeID { conditions.append("id < ?"); arguments += [before] }
        arguments += [params.limit]
        let sql = "SELECT \(columns) FROM export_runs \(conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")) ORDER BY id DESC LIMIT ?"
        let bound = arguments
        return try await store.database.read { db in try Row.fetchAll(db, sql: sql, arguments: bound).map(run(from:)) }
    }

    static let columns = "id, export, status, started_at, finished_at, rows, bytes, sha256, path, error"

    static func fetch(_ id: Int64, db: Database) throws -> ExportRun {
        guard let row = try Row.fetchOne(db, sql: "SELECT \(columns) FROM export_runs WHERE id = ?", arguments: [id]) else {
            throw StewardError(.exportRunNotFound, "no export run \(id)", fix: "list runs with `steward exports history`")
        }
        return run(from: row)
    }

    static func run(from row: Row) -> ExportRun {
        ExportRun(id: row[0], export: row[1], status: ExportRun.Status(rawValue: row[2]) ?? .failed,
                         startedAt: Date(timeIntervalSince1970: row[3]), finishedAt: (row[4] as Double?).map(Date.init(timeIntervalSince1970:)),
                         rows: row[5], bytes: row[6], sha256: row[7], path: row[8], error: row[9])
    }
}

extension SQLiteJobStore {
    /// Recent export runs, newest first.
    public func exportHistory(export: String?, limit: Int) async throws -> [ExportRun] {
        try await exportHistory(ExportHistoryParams(export: export, limit: limit))
    }

    public func exportHistory(_ params: ExportHistoryParams) async throws -> [ExportRun] {
        try await ExportRunRecords.history(params, store: self)
    }

    public func exportRun(id: Int64) async throws -> ExportRun {
        try await database.read { db in try ExportRunRecords.fetch(id, db: db) }
    }
}

/// Which runs to list: of one export or all, newest first, below an id for paging.
public struct ExportHistoryParams: Sendable {
    public var export: String?
    public var limit: Int
    public var beforeID: Int64?

    public init(export: String? = nil, limit: Int = 50, beforeID: Int64? = nil) {
        self.export = export
        self.limit = limit
        self.beforeID = beforeID
    }
}

extension StewardError.Code {
    public static let exportRunNotFound = Self(rawValue: "export_run_not_found")
}
