public import Testing
public import StewardSQLite

/// `@Test(.sqliteDatabase)`: the test runs with a fresh SQLite store in a temporary directory,
/// reachable as `SQLiteDatabaseTrait.current`, and removed afterwards. Modules built on the
/// store make their own trait with their `schema`.
public struct SQLiteDatabaseTrait: TestTrait, SuiteTrait, TestScoping {
    @TaskLocal public static var current: SQLiteTestStore?

    public let schema: [SQLiteSchemaMigration]

    public init(schema: [SQLiteSchemaMigration] = []) { self.schema = schema }

    public var isRecursive: Bool { true }

    public func provideScope(
        for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
    ) async throws {
        try await SQLiteTestStore.with(schema: schema) { store in
            try await Self.$current.withValue(store) { try await function() }
        }
    }

    /// The current test's store; fails the test when the trait is missing.
    public static func store() throws -> SQLiteTestStore {
        try #require(current, "add .sqliteDatabase to the test")
    }
}

extension Trait where Self == SQLiteDatabaseTrait {
    public static var sqliteDatabase: Self { Self() }
}
