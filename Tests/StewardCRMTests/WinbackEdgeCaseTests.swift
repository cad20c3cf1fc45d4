import Foundation
import GRDB
import StewardCore
import StewardCRM
import StewardSQLite
import StewardTesting
import StewardWorkflows
import Testing

/// Winback edges: scans dated in the past, refunds, statuses typed in before the first scan.
@Suite("Winback edge cases", .crmDatabase)
struct WinbackEdgeCaseTests {
    let store: SQLiteJobStore
    let asOf = CRMDay("2026-06-30")!

    init() throws {
        store = try SQLiteDatabaseTrait.store().store
    }

    func scan(_ day: CRMDay) async throws -> WinbackScanResult {
        let set = try CadenceFixture.definitions()
        return try await WinbackService(store: store).scan(try #require(set.winbacks["inactive"]), cadence: try #require(set.cadences["winback"]),
                                                           asOf: day, now: CadenceFixture.noon(day.description))
    }

    /// Account `id` with one transaction of `amount` for each of `daysAgo` before the scan day.
    func account(_ id: Int64, transactions daysAgo: [Int], amount: Double = 10, status: String? = nil) async throws {
        try await store.database.write { [asOf] db in
            try db.execute(sql: "INSERT INTO accounts (account_id, company_name, owner_user_id, activity_status) VALUES (?, ?, 'anna', ?)",
                           arguments: [id, "Account \(id)", status])
            for days in daysAgo {
                try db.execute(sql: "INSERT INTO transactions (account_id, date, amount) VALUES (?, ?, ?)", arguments: [id, asOf.adding(days: -days).description, amount])
            }
        }
    }

    func footprint() async throws -> [Int] {
        try await store.database.read { db in
            try ["account_status_history", "events", "cadence_enrollments", "jobs", "winback_scans"].map { try Int.fetchOne(db, sql: "SELECT count(*) FROM \($0)") ?? 0 }
        }
    }

    @Test func aScanDatedBeforeTheLatestIsRefusedAndChangesNothing() async throws {
        try await account(1, transactions: [120])
        try await account(2, transactions: [100, 5])
        _ = try await scan(asOf)
        let before = try await footprint()
        let error = await #expect(throws: StewardError.self) { _ = try await scan(asOf.adding(days: -30)) }
        #expect(error?.code == .staleScan)
        #expect(error?.message.contains("latest winback scan, as of 2026-06-30") == true, "\(error?.message ?? "")")
        #expect(error?.fix == "scan as of 2026-06-30 or later")
        #expect(try await footprint() == before)
        #expect(try await scan(asOf).changed == 0, "the same day again is fine and changes nothing")
    }

    @Test func aCaughtUpScheduledScanForAnOlderDayCompletesWithoutChanges() async throws {
        try await account(1, transactions: [120])
        _ = try await scan(asOf)
        let before = try await footprint()
        _ = try await store.jobInsertMany([NewJob(kind: WinbackKind.name, args: #"{"rule":"inactive","tick":"2026-06-01T06:00:00Z"}"#, queue: WinbackKind.queue)],
                                          now: CadenceFixture.noon("2026-06-30"))
        try await drain(ManualClock(now: CadenceFixture.noon("2026-06-30")))
        #expect(try await CadenceFixture.count(store, "SELECT count(*) FROM jobs WHERE kind = 'winback_scan' AND state = 'completed'") == 1)
        #expect(try await footprint().dropLast(2) == before.dropLast(2), "no history, events or enrollments")
    }

    @Test func anAsOfThatIsNotADayDiscardsTheJob() async throws {
        _ = try await store.jobInsertMany([NewJob(kind: WinbackKind.name, args: #"{"rule":"inactive","as_of":"2026-13-40"}"#, queue: WinbackKind.queue, maxAttempts: 3)],
                                          now: CadenceFixture.noon("2026-06-30"))
        try await drain(ManualClock(now: CadenceFixture.noon("2026-06-30")))
        #expect(try await CadenceFixture.count(store, "SELECT count(*) FROM jobs WHERE kind = 'winback_scan' AND state = 'discarded' AND attempt = 1") == 1)
        #expect(try await CadenceFixture.count(store, "SELECT count(*) FROM winback_scans") == 0)
    }

    @Test func refundsAreNotPurchases() async throws {
        try await account(1, transactions: [120])
        try await store.database.write { [asOf] db in
            try db.execute(sql: "INSERT INTO transactions (account_id, date, amount) VALUES (1, ?, -40)", arguments: [asOf.adding(days: -3).description])
        }
        let result = try await scan(asOf)
        #expect(result.flagged == [1], "a refund three days ago does not make the account active")
    }

    @Test func aStatusTypedInBeforeTheFirstScanIsNotTrusted() async throws {
        try await account(1, transactions: [120], status: "Inactive")
        try await account(2, transactions: [5], status: "Inactive")
        let result = try await scan(asOf)
        #expect(result.flagged == [1], "first seen inactive by a scan: flagged and enrolled")
        #expect(result.enrollments.count == 1)
        #expect(result.reactivated.isEmpty, "account 2 was never seen inactive by a scan")
        #expect(try await CadenceFixture.count(store, "SELECT count(*) FROM account_status_history WHERE previous_activity IS NULL") == 2)
    }

    @Test func aScheduledScanIsDatedInItsRulesTimeZone() async throws {
        let tokyo = CadenceFixture.files + "\nschedule: \"0 1 * * *\"\ntimezone: Asia/Tokyo\n"
        // 01:00 in Tokyo on June 30th is still June 29th in UTC.
        _ = try await store.jobInsertMany([NewJob(kind: WinbackKind.name, args: #"{"rule":"inactive","tick":"2026-06-29T16:00:00Z"}"#, queue: WinbackKind.queue)],
                                          now: CadenceFixture.noon("2026-06-29"))
        try await drain(ManualClock(now: CadenceFixture.noon("2026-06-29")), files: tokyo)
        let days = try await store.database.read { db in try String.fetchAll(db, sql: "SELECT as_of FROM winback_scans") }
        #expect(days == ["2026-06-30"])
        #expect(CRMDay(Date(timeIntervalSince1970: 1_782_777_600), in: TimeZone(identifier: "America/New_York")!).description == "2026-06-29",
                "00:00 UTC on June 30th is June 29th in New York")
    }

    func drain(_ clock: ManualClock, files: String = CadenceFixture.files) async throws {
        let definitions = WorkflowDefinitions(try CadenceFixture.definitions(files))
        let kinds = CadenceKinds.make(store: store, definitions: definitions, clock: clock) + [WinbackKind.make(store: store, definitions: definitions, clock: clock)]
        let pool = try PoolHarness(store: store, kinds: kinds, clock: clock) { $0.drain = true; $0.queues = ["winback": 1, "cadences": 1] }
        try await pool.finished()
    }
}
