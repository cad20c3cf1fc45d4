import Foundation
import GRDB
import StewardCore
public import StewardSQLite

/// The SQL of `imports` and `import_errors` outside the import job's batches, in one place.
enum ImportRecords {
    static let columns = """
        id, file_name, stored_path, size, sha256, profile, target, created_by, status, cancel_requested, job_id, parent_import_id,
        total_rows, processed_rows, created_rows, updated_rows, skipped_rows, failed_rows, checkpoint_offset, checkpoint_line,
        error, created_at, started_at, updated_at, finished_at
        """

    static func fetch(_ id: Int64, db: Database) throws -> ImportRecord {
        guard let row = try Row.fetchOne(db, sql: "SELECT \(columns) FROM imports WHERE id = ?", arguments: [id]) else {
            throw StewardError(.importNotFound, "no import with id \(id)", fix: "list imports with `steward imports list`")
        }
        return record(from: row)
    }

    static func record(from row: Row) -> ImportRecord {
        let counts = ImportRecord.Counts(processed: row[13], created: row[14], updated: row[15], skipped: row[16], failed: row[17])
        return ImportRecord(
            id: row[0], fileName: row[1], storedPath: row[2], size: row[3], sha256: row[4], profile: row[5], target: row[6],
            createdBy: row[7], status: ImportRecord.Status(rawValue: row[8]) ?? .failed, cancelRequested: row[9], jobID: row[10],
            parentID: row[11], totalRows: row[12], counts: counts, checkpointOffset: row[18], checkpointLine: row[19], error: row[20],
            createdAt: Date(timeIntervalSince1970: row[21]), startedAt: date(row[22]), updatedAt: date(row[23]), finishedAt: date(row[24]))
    }

    /// Fails an import still under way, recording `import.failed`; one already finished is left
    /// alone. True when it was failed here.
    @discardableResult
    static func markFailed(_ id: Int64, error: String, now: Date, store: SQLiteJobStore, db: Database) throws -> Bool {
        try db.execute(sql: """
            UPDATE imports SET status = 'failed', error = ?, finished_at = ?, updated_at = ?
            WHERE id = ? AND status IN ('pending', 'processing')
            """, arguments: [error, now.timeIntervalSince1970, now.timeIntervalSince1970, id])
        guard db.changesCount == 1, let profile = try String.fetchOne(db, sql: "SELECT profile FROM imports WHERE id = ?", arguments: [id]) else {
            return false
        }
        let payload = try JSONSerialization.data(withJSONObject: ["import": id, "profile": profile, "error": error] as [String: Any], options: .sortedKeys)
        try store.recordEvent("import.failed", payload: String(decoding: payload, as: UTF8.self), in: db, now: now)
        return true
    }

    /// Cancels an import still under way (its job was cancelled); committed rows stay.
    static func markCancelled(_ id: Int64, now: Date, db: Database) throws {
        try db.execute(sql: """
            UPDATE imports SET status = 'cancelled', cancel_requested = 1, finished_at = ?, updated_at = ?
            WHERE id = ? AND status IN ('pending', 'processing')
            """, arguments: [now.timeIntervalSince1970, now.timeIntervalSince1970, id])
    }

    private static func date(_ seconds: Double?) -> Date? { seconds.map(Date.init(timeIntervalSince1970:)) }

    static func list(limit: Int, db: Database) throws -> [ImportRecord] {
        try Row.fetchAll(db, sql: "SELECT \(columns) FROM imports ORDER BY id DESC LIMIT ?", arguments: [limit]).map(record(from:))
    }

    static func profileJSON(_ id: Int64, db: Database) throws -> String {
        try String.fetchOne(db, sql: "SELECT profile_json FROM imports WHERE id = ?", arguments: [id]) ?? "{}"
    }

    static func errors(_ id: Int64, unresolvedOnly: Bool, db: Database) throws -> [ImportErrorRecord] {
        try Array(errorCursor(id, unresolvedOnly: unresolvedOnly, db: db))
    }

    /// The errors in line order, one row in memory at a time.
    static func errorCursor(_ id: Int64, unresolvedOnly: Bool, db: Database) throws -> some Cursor<ImportErrorRecord> {
        let filter = unresolvedOnly ? "AND resolved = 0" : ""
        return try Row.fetchCursor(db, sql: """
            SELECT \(errorColumns) FROM import_errors
            WHERE import_id = ? \(filter) ORDER BY line, id
            """, arguments: [id]).map(errorRecord(from:))
    }

    static let errorColumns = "id, import_id, line, field, category, message, raw, resolved, resolution, note"

    static func errorRecord(from row: Row) -> ImportErrorRecord {
        ImportErrorRecord(id: row[0], importID: row[1], line: row[2], field: row[3],
                          category: ImportErrorRecord.Category(rawValue: row[4]) ?? .validation, message: row[5],
                          raw: [UInt8]((row[6] as Data?) ?? Data()), resolved: row[7], resolution: row[8], note: row[9])
    }

    /// The import and the imports it retried, nearest first.
    static func lineage(_ id: Int64, db: Database) throws -> [Int64] {
        try Int64.fetchAll(db, sql: """
            WITH RECURSIVE chain(id, parent) AS (
                SELECT id, parent_import_id FROM imports WHERE id = ?
                UNION ALL SELECT imports.id, imports.parent_import_id FROM imports JOIN chain ON imports.id = chain.parent)
            SELECT id FROM chain
            """, arguments: [id])
    }

    /// The original header's bytes and delimiter, for error reports and retries.
    static func header(_ id: Int64, db: Database) throws -> (bytes: [UInt8], delimiter: UInt8)? {
        guard let row = try Row.fetchOne(db, sql: "SELECT header, delimiter FROM imports WHERE id = ?", arguments: [id]),
              let header = row[0] as Data?, let delimiter = (row[1] as String?)?.utf8.first else { return nil }
        return ([UInt8](header), delimiter)
    }
}

extension SQLiteJobStore {
    public func importGet(id: Int64) async throws -> ImportRecord {
        try await database.read { db in try ImportRecords.fetch(id, db: db) }
    }

    public func importList(limit: Int) async throws -> [ImportRecord] {
        try await database.read { db in try ImportRecords.list(limit: limit, db: db) }
    }

    public func importErrors(id: Int64, unresolvedOnly: Bool = false) async throws -> [ImportErrorRecord] {
        try await database.read { db in
            _ = try ImportRecords.fetch(id, db: db)
            return try ImportRecords.errors(id, unresolvedOnly: unresolvedOnly, db: db)
        }
    }
}
