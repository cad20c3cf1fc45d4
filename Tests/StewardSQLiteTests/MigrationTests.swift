import Foundation
import GRDB
import StewardCore
import StewardSQLite
import StewardTesting
import Testing

/// Migrations run all or nothing: a failing one leaves the file without any of the others.
@Suite("Migrations")
struct MigrationTests {
    struct Broken: Error {}

    @Test func aFailingMigrationLeavesNothingBehind() async throws {
        try await TemporaryDirectory.with { directory in
            let path = directory.path("jobs.sqlite")
            let schema = [
                SQLiteSchemaMigration("test/v1-first") { db in try db.execute(sql: "CREATE TABLE first (id INTEGER)") },
                SQLiteSchemaMigration("test/v2-broken") { _ in throw Broken() },
            ]
            #expect(throws: Broken.self) { _ = try SQLiteJobStore.open(path: path, options: SQLiteStoreOptions(schema: schema)) }
            let tables = try DatabaseQueue(path: path).read { db in
                try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
            }
            #expect(tables.isEmpty, "not the engine's tables, not the first migration's, not the record: \(tables)")
        }
    }
}
