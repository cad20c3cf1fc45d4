import GRDB
import StewardCore
import StewardSQLite
import StewardTesting
import Testing

@Suite("Transactional enqueue", .sqliteDatabase)
struct TransactionalEnqueueTests {
    struct Rollback: Error {}

    @Test func jobsCommitWithTheBusinessRows() async throws {
        let store = try SQLiteDatabaseTrait.store().store
        let clock = ManualClock()
        try await store.database.write { db in
            try db.execute(sql: "CREATE TABLE uploads (id INTEGER PRIMARY KEY, name TEXT)")
            try db.execute(sql: "INSERT INTO uploads (name) VALUES ('targets.csv')")
            _ = try store.enqueue([NewJob(kind: "import")], in: db, now: clock.now())
        }
        #expect(try await store.jobList(JobListParams()).map(\.kind) == ["import"])
    }

    @Test func aRolledBackTransactionLeavesNeitherRowsNorJobs() async throws {
        let store = try SQLiteDatabaseTrait.store().store
        let clock = ManualClock()
        try await store.database.write { db in try db.execute(sql: "CREATE TABLE uploads (id INTEGER PRIMARY KEY, name TEXT)") }
        let wakeup = Wakeup()
        store.notifications.subscribe(queue: "default", wakeup)
        await #expect(throws: Rollback.self) {
            try await store.database.write { db in
                try db.execute(sql: "INSERT INTO uploads (name) VALUES ('targets.csv')")
                _ = try store.enqueue([NewJob(kind: "import")], in: db, now: clock.now())
                throw Rollback()
            }
        }
        #expect(try await store.jobList(JobListParams()).isEmpty)
        #expect(try await store.database.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM uploads") } == 0)
    }

    /// Wake-ups are gathered per transaction: a rolled-back one wakes nobody and leaves nothing
    /// pending, so the next commit still wakes its queue.
    @Test func aCommitAfterARollbackStillWakesItsQueue() async throws {
        let store = try SQLiteDatabaseTrait.store().store
        let clock = ManualClock()
        let wakeup = Wakeup()
        store.notifications.subscribe(queue: "imports", wakeup)
        await #expect(throws: Rollback.self) {
            try await store.database.write { db in
                _ = try store.enqueue([NewJob(kind: "import", queue: "imports")], in: db, now: clock.now())
                throw Rollback()
            }
        }
        try await store.database.write { db in
            for _ in 0..<3 { _ = try store.enqueue([NewJob(kind: "import", queue: "imports")], in: db, now: clock.now()) }
        }
        await wakeup.wait()
        #expect(try await store.jobList(JobListParams()).count == 3)
    }
}
