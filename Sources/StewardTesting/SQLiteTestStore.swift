public import StewardSQLite
import Foundation

/// A real SQLite store in a temporary directory, for one test.
public struct SQLiteTestStore: Sendable {
    public let directory: TemporaryDirectory
    public let store: SQLiteJobStore

    public init() throws {
        directory = try TemporaryDirectory()
        store = try SQLiteJobStore.open(path: directory.path("steward.sqlite"))
    }

    public var path: String { store.path }

    /// Runs `body` with a fresh store and deletes its files afterwards.
    public static func with<T>(_ body: (SQLiteTestStore) async throws -> T) async throws -> T {
        let test = try SQLiteTestStore()
        defer { test.directory.remove() }
        return try await body(test)
    }
}
