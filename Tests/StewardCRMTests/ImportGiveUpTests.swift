import Foundation
import GRDB
@testable import StewardCRM
import StewardCore
import StewardSQLite
import StewardTesting
import StewardWorkflows
import Testing

/// What happens to an import when its job fails, gives up, or is cancelled while no worker runs it.
@Suite("Import give-up and cancel")
struct ImportGiveUpTests {
    /// A trigger's RAISE(ROLLBACK) ends the batch's transaction: the batch fails as a whole
    /// instead of writing the rest of its rows one autocommit at a time.
    @Test func aRolledBackTransactionFailsTheBatch() async throws {
        try await SQLiteTestStore.with(schema: CRMSchema.migrations) { test in
            try await rollBackOnSecondCompany(test.store)
            let file = try ImportFixtures.write("Company\nAcme\nRollback\nGamma\n", to: test.directory)
            await #expect(throws: DatabaseError.self) {
                _ = try await ImportFixtures.run(file, profile: try ImportFixtures.profile("prospecting-targets"), store: test.store)
            }
            let names = try await test.store.database.read { db in try String.fetchAll(db, sql: "SELECT company_name FROM prospecting_targets") }
            #expect(names.isEmpty, "nothing of the failed batch is kept")
            let record = try await test.store.importGet(id: 1)
            #expect(record.status == .processing && record.counts.processed == 0 && record.checkpointLine == 1)
        }
    }

    /// When the job is discarded (here: its last attempt failed) the import is marked failed
    /// and `import.failed` recorded, by the kind's give-up hook in the discard's transaction;
    /// an attempt with attempts left leaves it to the retry.
    @Test(arguments: [(5, false), (1, true)])
    func aDiscardedJobFailsTheImport(maxAttempts: Int, givesUp: Bool) async throws {
        try await SQLiteTestStore.with(schema: CRMSchema.migrations) { test in
            try await rollBackOnSecondCompany(test.store)
            let file = try ImportFixtures.write("Company\nAcme\nRollback\n", to: test.directory)
            let record = try await ImportService(store: test.store).submit(file: file, profile: try ImportFixtures.profile("prospecting-targets"), createdBy: nil)
            let jobID = try #require(record.jobID)
            // The job is on its last allowed attempt when maxAttempts is 1.
            try await test.store.database.write { db in
                try db.execute(sql: "UPDATE jobs SET max_attempts = ? WHERE id = ?", arguments: [maxAttempts, jobID])
            }
            let kind = ImportKind.make(store: test.store, clock: SystemClock(), logger: ImportFixtures.logger)
            let pool = try PoolHarness(store: test.store, kinds: [kind], clock: ManualClock(now: Date())) { $0.drain = true; $0.queues = ["imports": 1] }
            try await pool.finished()
            let after = try await test.store.importGet(id: record.id)
            #expect(after.status == (givesUp ? .failed : .processing))
            let events = try await test.store.eventList(limit: 5).map(\.0.name)
            #expect(events == (givesUp ? ["job.discarded", "import.failed"] : []))
            if givesUp { #expect(after.error?.contains("job \(jobID) gave up") == true) }
        }
    }

    /// The rescuer discards an import job whose workers keep dying before its first checkpoint:
    /// the import fails with it instead of staying `processing` forever.
    @Test func anImportWhoseJobIsQuarantinedFails() async throws {
        try await SQLiteTestStore.with(schema: CRMSchema.migrations) { test in
            let file = try ImportFixtures.write("Company\nAcme\n", to: test.directory)
            let record = try await ImportService(store: test.store).submit(file: file, profile: try ImportFixtures.profile("prospecting-targets"), createdBy: nil)
            let clock = ManualClock(now: Date())
            let kind = ImportKind.make(store: test.store, clock: clock, logger: ImportFixtures.logger)
            var rescued: [JobState] = []
            for _ in 1...kind.crashLimit {
                _ = try await test.store.jobClaim(JobClaimParams(queue: ImportKind.queue, limit: 1, owner: "dead", leaseDuration: .seconds(30), now: clock.now()))
                clock.advance(by: .seconds(31))
                rescued += try await test.store.jobRescueExpired(now: clock.now(), limit: 5, hooks: JobRegistry([kind]).giveUpHooks) {
                    LeaseLossRule.outcome(for: $0, crashLimit: kind.crashLimit)
                }.map(\.state)
            }
            #expect(rescued == [.available, .available, .discarded])
            let after = try await test.store.importGet(id: record.id)
            #expect(after.status == .failed)
            #expect(after.error?.contains("crashed its worker 3 times") == true)
            #expect(try await test.store.eventList(limit: 5).map(\.0.name).contains("import.failed"))
        }
    }

    /// A job waiting in backoff, or whose worker's lease expired, has no worker to see a cancel
    /// request: the import and its job are cancelled at once.
    @Test(arguments: ["retryable", "expired"])
    func anImportNoWorkerRunsIsCancelledAtOnce(jobState: String) async throws {
        try await SQLiteTestStore.with(schema: CRMSchema.migrations) { test in
            let file = try ImportFixtures.write("Company\nAcme\n", to: test.directory)
            let service = ImportService(store: test.store)
            let record = try await service.submit(file: file, profile: try ImportFixtures.profile("prospecting-targets"), createdBy: nil)
            _ = try await ImportSessionLoader.begin(record.id, jobID: record.jobID, store: test.store, now: Date())
            let (state, lease) = jobState == "expired" ? ("running", Date().timeIntervalSince1970 - 1) : ("retryable", nil)
            try await test.store.database.write { db in
                try db.execute(sql: "UPDATE jobs SET state = ?, lease_expires_at = ? WHERE id = ?", arguments: [state, lease, record.jobID])
            }
            #expect(try await service.cancel(id: record.id).status == .cancelled)
            #expect(try await test.store.jobGet(id: try #require(record.jobID))?.state == .cancelled)
        }
    }

    private func rollBackOnSecondCompany(_ store: SQLiteJobStore) async throws {
        try await store.database.write { db in
            try db.execute(sql: """
                CREATE TRIGGER roll_back BEFORE INSERT ON prospecting_targets WHEN NEW.company_name = 'Rollback'
                BEGIN SELECT RAISE(ROLLBACK, 'rolled back'); END
                """)
        }
    }
}
