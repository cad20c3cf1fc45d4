import Foundation
import GRDB
import StewardCore
import StewardSQLite
import StewardTesting
import Testing

@Suite("SQLite store conformance")
struct ConformanceTests {
    @Test(.sqliteDatabase, arguments: JobStoreConformance.cases)
    func conformance(_ check: ConformanceCase) async throws {
        let test = try SQLiteDatabaseTrait.store()
        try await check.run(test.store, ManualClock())
    }

    @Test(.sqliteDatabase, arguments: JobStoreConformance.storeCases)
    func storeConformance(_ check: StoreConformanceCase) async throws {
        try await check.run(Self.subject(try SQLiteDatabaseTrait.store().store), ManualClock())
    }

    struct Rollback: Error {}

    /// The SQLite store, with its business writes in SQLite's own terms.
    static func subject(_ store: SQLiteJobStore) -> ConformanceSubject {
        ConformanceSubject(
            store: store,
            recordEvent: { name, payload, now in _ = try await store.recordEvent(name, payload: payload, now: now) },
            enqueueWithBusinessRow: { jobs, rollback, now in
                try await store.database.write { db in
                    try db.execute(sql: "CREATE TABLE IF NOT EXISTS orders (id INTEGER PRIMARY KEY)")
                    try db.execute(sql: "INSERT INTO orders DEFAULT VALUES")
                    _ = try store.enqueue(jobs, in: db, now: now)
                    if rollback { throw Rollback() }
                }
            },
            businessRows: {
                try await store.database.read { db in
                    try db.tableExists("orders") ? Int.fetchOne(db, sql: "SELECT count(*) FROM orders") ?? 0 : 0
                }
            }
        )
    }
}
