import Foundation
import GRDB
import StewardCore
import StewardSQLite

/// Filters for a page of imports, newest first.
public struct ImportListParams: Sendable {
    public var status: ImportRecord.Status?
    public var profile: String?
    public var limit: Int
    /// Imports with an id below this one (the previous page's last).
    public var beforeID: Int64?

    public init(status: ImportRecord.Status? = nil, profile: String? = nil, limit: Int = 50, beforeID: Int64? = nil) {
        self.status = status
        self.profile = profile
        self.limit = limit
        self.beforeID = beforeID
    }
}

/// Filters for a page of one import's failed rows, in id order.
public struct ImportErrorListParams: Sendable {
    public var importID: Int64
    public var category: ImportErrorRecord.Category?
    /// Resolved and dismissed rows too.
    public var includeResolved: Bool
    public var limit: Int
    /// Rows with an id above this one (the previous page's last).
    public var afterID: Int64?

    public init(importID: Int64, category: ImportErrorRecord.Category? = nil, includeResolved: Bool = false, limit: Int = 50, afterID: Int64? = nil) {
        self.importID = importID
        self.category = category
        self.includeResolved = includeResolved
        self.limit = limit
        self.afterID = afterID
    }
}

/// An import's failed rows per category: all of them, and those no one has resolved yet.
public struct ImportErrorCount: Sendable, Equatable {
    public var category: ImportErrorRecord.Category
    public var total: Int
    public var unresolved: Int
}

extension ImportService {
    public func list(_ params: ImportListParams) async throws -> [ImportRecord] {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let status = params.status { conditions.append("status = ?"); arguments += [status.rawValue] }
        if let profile = params.profile { conditions.append("profile = ?"); arguments += [profile] }
        if let before = params.beforeID { conditions.append("id < ?"); arguments += [before] }
        arguments += [params.limit]
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let sql = "SELECT \(ImportRecords.columns) FROM imports \(filter) ORDER BY id DESC LIMIT ?"
        let bound = arguments
        return try await store.database.read { db in try Row.fetchAll(db, sql: sql, arguments: bound).map(ImportRecords.record(from:)) }
    }

    public func get(_ id: Int64) async throws -> ImportRecord {
        try await store.database.read { db in try ImportRecords.fetch(id, db: db) }
    }

    /// A page of failed rows; `importNotFound` when the import does not exist.
    public func errors(_ params: ImportErrorListParams) async throws -> [ImportErrorRecord] {
        var sql = "SELECT \(ImportRecords.errorColumns) FROM import_errors WHERE import_id = ?"
        var arguments: StatementArguments = [params.importID]
        if let category = params.category { sql += " AND category = ?"; arguments += [category.rawValue] }
        if !params.includeResolved { sql += " AND resolved = 0" }
        if let after = params.afterID { sql += " AND id > ?"; arguments += [after] }
        sql += " ORDER BY id LIMIT ?"
        arguments += [params.limit]
        let (bound, query) = (arguments, sql)
        return try await store.database.read { db in
            _ = try ImportRecords.fetch(params.importID, db: db)
            return try Row.fetchAll(db, sql: query, arguments: bound).map(ImportRecords.errorRecord(from:))
        }
    }

    public func errorCounts(_ id: Int64) async throws -> [ImportErrorCount] {
        try await store.database.read { db in try ImportRecords.errorCounts(id, db: db) }
    }

    /// The import and its failed rows per category, from one snapshot.
    public func detail(_ id: Int64) async throws -> (record: ImportRecord, errorCounts: [ImportErrorCount]) {
        try await store.database.read { db in (try ImportRecords.fetch(id, db: db), try ImportRecords.errorCounts(id, db: db)) }
    }

    /// The import `createdBy` submitted with this idempotency key, if any.
    public func find(idempotencyKey key: String, createdBy: String?) async throws -> ImportRecord? {
        try await store.database.read { db in try ImportRecords.find(idempotencyKey: key, createdBy: createdBy, db: db) }
    }
}

extension ImportRecords {
    static func errorCounts(_ id: Int64, db: Database) throws -> [ImportErrorCount] {
        try Row.fetchAll(db, sql: """
            SELECT category, total, unresolved FROM import_error_counts WHERE import_id = ? AND total > 0 ORDER BY category
            """, arguments: [id]).compactMap { row in
            ImportErrorRecord.Category(rawValue: row[0]).map { ImportErrorCount(category: $0, total: row[1], unresolved: row[2]) }
        }
    }

    static func find(idempotencyKey key: String, createdBy: String?, db: Database) throws -> ImportRecord? {
        try Row.fetchOne(db, sql: "SELECT \(columns) FROM imports WHERE idempotency_key = ? AND created_by IS ?",
                         arguments: [key, createdBy]).map(record(from:))
    }
}
