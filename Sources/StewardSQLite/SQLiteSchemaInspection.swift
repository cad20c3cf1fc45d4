import Foundation
import GRDB
import StewardCore

/// What a database file already holds, read through a read-only connection before anything
/// writes to it, so a file Steward must refuse (another application's, or a newer Steward's) is
/// left byte for byte as it was.
struct SQLiteSchemaInspection {
    /// Migration identifiers already applied (empty when the file has no migrations table).
    var applied: Set<String>
    /// Tables other than SQLite's own.
    var tables: [String]

    static func read(path: String) throws -> SQLiteSchemaInspection? {
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        guard size > 0 else { return nil }  // new or empty: nothing to inspect
        var configuration = Configuration()
        configuration.readonly = true
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        defer { try? queue.close() }
        return try queue.read { db in
            let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
            let applied = tables.contains("grdb_migrations")
                ? Set(try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")) : []
            return SQLiteSchemaInspection(applied: applied, tables: tables)
        }
    }

    /// Steward's own: its migrations table records the engine's first migration.
    var isSteward: Bool { applied.contains(Migrations.first) }

    /// For commands that do not migrate: the file must hold the whole current schema.
    static func requireCurrent(_ inspection: SQLiteSchemaInspection?, path: String, known: [String]) throws {
        guard let inspection, inspection.isSteward else {
            throw StewardError(.databaseUnreadable, "no Steward database at \(path) (the file is empty)",
                               fix: "a command that writes jobs (`steward enqueue`, `steward run`, `steward demo`) creates it, or pass --database")
        }
        let missing = known.filter { !inspection.applied.contains($0) }
        guard missing.isEmpty else {
            throw StewardError(.databaseNeedsMigration, "\(path) needs \(missing.count) schema migration\(missing.count == 1 ? "" : "s") this command does not apply (\(missing.prefix(3).joined(separator: ", "))\(missing.count > 3 ? ", …" : ""))",
                               fix: "run `steward migrate --database \(path)` first")
        }
    }

    /// Refuses a file Steward must not migrate: one with tables that is not Steward's, or one
    /// written by a newer Steward.
    func check(path: String, known: [String]) throws {
        guard tables.isEmpty || isSteward else {
            let shown = tables.prefix(5).joined(separator: ", ") + (tables.count > 5 ? " and \(tables.count - 5) more" : "")
            throw StewardError(.databaseUnreadable, "\(path) is not a Steward database: it holds other tables (\(shown)) and no Steward schema",
                               fix: "pass a new file name or a Steward database with --database; nothing was written to \(path)")
        }
        if Migrations.isSuperseded(applied: applied, known: known) {
            throw StewardError(.databaseTooNew, "\(path) was written by a newer version of Steward (unknown schema migrations)",
                               fix: "upgrade steward, or point --database at another file")
        }
    }
}
