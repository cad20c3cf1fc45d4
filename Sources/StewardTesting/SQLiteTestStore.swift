public import StewardSQLite
import Foundation

/// A real SQLite store in a temporary directory, for one test, with the engine's schema and the
/// `schema` of modules built on it (the CRM's tests pass theirs).
public struct SQLiteTestStore: Sendable {
    public let directory: TemporaryDirectory
    public let store: SQLiteJobStore

    public init(schema: [SQLiteSchemaMigration] = []) throws {
        directory = try TemporaryDirectory()
        store = try SQLiteJobStore.open(path: directory.path("steward.sqlite"), options: SQLiteStoreOptions(schema: schema))
    }

    public var path: String { store.path }

    /// Runs `body` with a fresh store and deletes its files afterwards.
    public static func with<T>(schema: [SQLiteSchemaMigration] = [], _ body: (SQLiteTestStore) async throws -> T) async throws -> T {
        let test = try SQLiteTestStore(schema: schema)
        defer { test.directory.remove() }
        return try await body(test)
    }
}
