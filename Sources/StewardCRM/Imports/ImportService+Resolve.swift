public import Foundation
import GRDB
public import StewardCore
import StewardSQLite

/// How a person closes a failed row without importing it again.
public enum ImportErrorResolution: String, Sendable, CaseIterable {
    /// Fixed elsewhere (in the CRM by hand, say).
    case resolved
    /// Not worth fixing.
    case dismissed
}

extension ImportService {
    /// Marks failed row `id` resolved or dismissed with a note, audited in the same transaction.
    /// It then leaves the error report and is not retried. A row already closed is a conflict.
    public func resolveError(_ id: Int64, as resolution: ImportErrorResolution, note: String?, by actor: String,
                             requestID: String? = nil) async throws -> ImportErrorRecord {
        let now = clock.now()
        return try await store.database.write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT \(ImportRecords.errorColumns) FROM import_errors WHERE id = ?", arguments: [id]) else {
                throw StewardError(.importErrorNotFound, "no import error with id \(id)", fix: "list an import's errors first")
            }
            let error = ImportRecords.errorRecord(from: row)
            guard !error.resolved else {
                throw StewardError(.invalidTransition, "import error \(id) is already \(error.resolution ?? "resolved")",
                                   fix: "nothing to do; it is no longer in the error report")
            }
            try db.execute(sql: """
                UPDATE import_errors SET resolved = 1, resolution = ?, note = ?, resolved_by = ?, resolved_at = ? WHERE id = ?
                """, arguments: [resolution.rawValue, note, actor, now.timeIntervalSince1970, id])
            var details: [String: String] = ["import": String(error.importID), "line": String(error.line)]
            details["note"] = note
            try AuditLog.record("import_error.\(resolution.rawValue)", entity: "import_error", id: id, details: details,
                                actor: actor, requestID: requestID, db: db, now: now)
            return ImportRecords.errorRecord(from: try Row.fetchOne(db, sql: "SELECT \(ImportRecords.errorColumns) FROM import_errors WHERE id = ?", arguments: [id])!)
        }
    }
}

extension StewardError.Code {
    public static let importErrorNotFound = Self(rawValue: "import_error_not_found")
}
