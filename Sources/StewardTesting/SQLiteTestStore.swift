public import StewardSQLite
import StewardCRM
import Foundation

/// A real SQLite store in a temporary directory, for one test.
public struct SQLiteTestStore: Sendable {
    public let directory: TemporaryDirectory
    public let store: SQLiteJobStore

    public init() throws {
        directory = try TemporaryDirectory()
        // The schema steward itself opens with, so child processes find what they expect.
        store = try SQLiteJobStore.open(path: directory.path("steward.sqlite"), options: SQLiteStoreOptions(schema: CRMSchema.migrations))
    }

    public var path: String { store.path }

    /// Runs `body` with a fresh store and deletes its files afterwards.
    public static func with<T>(_ body: (SQLiteTestStore) async throws -> T) async throws -> T {
        let test = try SQLiteTestStore()
        defer { test.directory.remove() }
        return try await body(test)
    }
}
