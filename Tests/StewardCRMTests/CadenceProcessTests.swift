import Foundation
import GRDB
import StewardCore
import StewardCRM
import StewardSQLite
import StewardTesting
import StewardWorkflows
import Testing

/// Generation and scans under a worker killed with SIGKILL: a real `steward run` child, then a
/// pool past the dead worker's lease that reruns whatever it left behind.
@Suite("Cadence and winback processes", .serialized)
struct CadenceProcessTests {
    static let rules = """
        kind: cadence
        name: winback
        days: business
        generate: upfront
        steps:
          - { day: 0, type: call, subject: "We miss you, {{account.company_name}}" }
          - { day: 3, type: email, subject: "Offer" }
          - { day: 10, type: call, subject: "Last call" }
        ---
        kind: winback
        name: inactive
        cadence: winback
        """

    func startWorker(_ test: SQLiteTestStore) throws -> ChildProcess {
        let workflows = test.directory.url.appendingPathComponent("wf")
        try FileManager.default.createDirectory(at: workflows, withIntermediateDirectories: true)
        try Self.rules.write(to: workflows.appendingPathComponent("rules.yml"), atomically: true, encoding: .utf8)
        return try ChildProcess(["run", "--workflows", "wf", "--log-level", "debug", "--database", test.path], in: test.directory.url)
    }

    /// Reruns everything left behind, on a clock past every lease the dead worker held: a first
    /// pass rescues the orphans (their retry waits out its backoff), later ones an hour apart
    /// run the retries and the jobs they enqueue.
    func rerun(_ test: SQLiteTestStore) async throws {
        let leases = try await test.store.database.read { db in try Double.fetchOne(db, sql: "SELECT max(lease_expires_at) FROM jobs") }
        let clock = ManualClock(now: Date(timeIntervalSince1970: (leases ?? Date().timeIntervalSince1970) + 1))
        let definitions = WorkflowDefinitions(try WorkflowLoader(environment: [:]).load(files: [(path: "rules.yml", text: Self.rules)]))
        let kinds = CadenceKinds.make(store: test.store, definitions: definitions, clock: clock)
            + [WinbackKind.make(store: test.store, definitions: definitions, clock: clock)]
        for _ in 0..<4 {
            let pool = try PoolHarness(store: test.store, kinds: kinds, clock: clock) { $0.drain = true; $0.queues = ["cadences": 4, "winback": 1] }
            try await pool.finished()
            clock.advance(by: .seconds(3600))
        }
    }

    func count(_ test: SQLiteTestStore, _ sql: String) async throws -> Int {
        try await CadenceFixture.count(test.store, sql)
    }

    @Test func aScanKilledMidwayLeavesNothingAndItsRerunFlagsEachAccountOnce() async throws {
        try await SQLiteTestStore.with(schema: CRMSchema.migrations) { test in
            try await test.store.database.write { db in
                // 100k accounts; every tenth one last bought 200 days before the scan day.
                try db.execute(sql: """
                    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000)
                    INSERT INTO accounts (account_id, company_name, owner_user_id) SELECT i, 'Company ' || i, 'anna' FROM n;
                    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 800000)
                    INSERT INTO transactions (account_id, date, amount)
                    SELECT 1 + i % 100000, date('2026-06-30', '-' || (CASE WHEN (i % 100000) % 10 = 0 THEN 200 ELSE 5 END + i / 100000) || ' days'), 10 FROM n;
                    """)
            }
            _ = try await test.store.jobInsertMany([NewJob(kind: WinbackKind.name, args: #"{"rule":"inactive","as_of":"2026-06-30"}"#, queue: "winback")], now: Date())
            let worker = try startWorker(test)
            #expect(await worker.waitForLog(containing: "winback scan started"), "\(worker.standardError)")
            worker.send(SIGKILL)
            #expect(await worker.waitForExit() == SIGKILL)
            // The kill lands during the scan's transaction (almost always) or just after its
            // commit: either way the scan is all there or not at all.
            let committed = try await count(test, "SELECT count(*) FROM winback_scans") == 1
            #expect(try await count(test, "SELECT count(*) FROM account_status_history") == (committed ? 100000 : 0), "rolled back or whole")
            #expect(try await count(test, "SELECT count(*) FROM cadence_enrollments") == (committed ? 10000 : 0))
            #expect(try await count(test, "SELECT count(*) FROM jobs WHERE kind = 'winback_scan' AND state = 'running'") == 1, "the job was left to rescue")

            try await rerun(test)
            let inactive = try await count(test, "SELECT count(*) FROM accounts WHERE activity_status = 'Inactive'")
            #expect(inactive == 10000)
            #expect(try await count(test, "SELECT count(*) FROM account_status_history") == 100000)
            #expect(try await count(test, "SELECT count(*) FROM cadence_enrollments") == inactive)
            #expect(try await count(test, "SELECT count(*) FROM events WHERE name = 'account.winback_flagged'") == inactive)
            let activities = try await count(test, "SELECT count(*) FROM activities")
            #expect(activities == inactive * 3, "generation batches ran once each, or harmlessly again")
            #expect(try await count(test, "SELECT count(*) FROM jobs WHERE state != 'completed'") == 0)

            _ = try await test.store.jobInsertMany([NewJob(kind: WinbackKind.name, args: #"{"rule":"inactive","as_of":"2026-06-30"}"#, queue: "winback")], now: Date())
            try await rerun(test)
            #expect(try await count(test, "SELECT count(*) FROM account_status_history") == 100000, "scanning again changes nothing")
            #expect(try await count(test, "SELECT count(*) FROM cadence_enrollments") == inactive)
        }
    }

    @Test func generationJobsRerunAfterAKillCreateEachActivityOnce() async throws {
        try await SQLiteTestStore.with(schema: CRMSchema.migrations) { test in
            let enrollments = 3000
            let cadence = try #require(try WorkflowLoader(environment: [:]).load(files: [(path: "r.yml", text: Self.rules)]).cadences["winback"])
            try await CadenceService(store: test.store).sync([cadence], now: Date())
            try await test.store.database.write { db in
                try db.execute(sql: """
                    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < \(enrollments))
                    INSERT INTO accounts (account_id, company_name, owner_user_id) SELECT i, 'Company ' || i, 'ben' FROM n;
                    INSERT INTO cadence_enrollments (cadence_id, cadence_version, record_type, record_id, account_id, owner_user_id, status, enrolled_on, source, created_at)
                    SELECT 1, 1, 'account', account_id, account_id, owner_user_id, 'Active', '2026-03-02', 'test', '2026-03-02' FROM accounts;
                    """)
            }
            _ = try await test.store.jobInsertMany((1...enrollments).map { CadenceJobs.generateJob([Int64($0)]) }, now: Date())
            let worker = try startWorker(test)
            #expect(await worker.waitForLog(containing: "cadence activities generated"), "\(worker.standardError)")
            worker.send(SIGKILL)
            #expect(await worker.waitForExit() == SIGKILL)
            let planned = try await count(test, "SELECT count(*) FROM activities")
            #expect(planned > 0 && planned < enrollments * 3, "the worker died with work done and work left")
            #expect(try await count(test, "SELECT count(*) FROM jobs WHERE state != 'completed'") > 0)

            try await rerun(test)
            #expect(try await count(test, "SELECT count(*) FROM jobs WHERE state != 'completed'") == 0)
            #expect(try await count(test, "SELECT count(*) FROM activities") == enrollments * 3)
            #expect(try await count(test, """
                SELECT count(*) FROM (SELECT cadence_enrollment_id FROM activities GROUP BY 1 HAVING count(*) = 3 AND count(DISTINCT cadence_step_number) = 3)
                """) == enrollments)
        }
    }
}
