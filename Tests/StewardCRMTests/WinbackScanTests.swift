import Foundation
import GRDB
import StewardCore
import StewardCRM
import StewardSQLite
import StewardTesting
import StewardWorkflows
import Testing

@Suite("Winback scan", .crmDatabase)
struct WinbackScanTests {
    let store: SQLiteJobStore
    let winback: WinbackService
    let asOf = CRMDay("2026-06-30")!

    init() throws {
        store = try SQLiteDatabaseTrait.store().store
        winback = WinbackService(store: store)
    }

    func scan(_ day: CRMDay? = nil) async throws -> WinbackScanResult {
        let set = try CadenceFixture.definitions()
        return try await winback.scan(try #require(set.winbacks["inactive"]), cadence: try #require(set.cadences["winback"]),
                                      asOf: day ?? asOf, now: CadenceFixture.noon((day ?? asOf).description))
    }

    /// Account `id` with transactions `daysAgo` before the scan day, and optionally a deal won.
    func account(_ id: Int64, transactions daysAgo: [Int], wonDaysAgo: Int? = nil) async throws {
        try await store.database.write { [asOf] db in
            try db.execute(sql: "INSERT INTO accounts (account_id, company_name, owner_user_id) VALUES (?, ?, 'anna')", arguments: [id, "Account \(id)"])
            for days in daysAgo {
                try db.execute(sql: "INSERT INTO transactions (account_id, date, amount) VALUES (?, ?, 10)", arguments: [id, asOf.adding(days: -days).description])
            }
            if let won = wonDaysAgo {
                try db.execute(sql: "INSERT INTO opportunities (account_id, stage, closed_at) VALUES (?, 'closed_won', ?)", arguments: [id, asOf.adding(days: -won).description])
            }
        }
    }

    func status(_ id: Int64) async throws -> (String?, String?) {
        let report = try #require(try await winback.status(account: id))
        return (report.activity, report.tenure)
    }

    @Test(arguments: [(0, "Active"), (30, "Active"), (31, "Passive"), (89, "Passive"), (90, "Inactive"), (400, "Inactive")])
    func activityStatusBoundaries(daysAgo: Int, expected: String) async throws {
        try await account(1, transactions: [daysAgo, 500])
        _ = try await scan()
        #expect(try await status(1).0 == expected)
    }

    @Test(arguments: [
        // (first transaction days ago, last, won days ago, tenure)
        (89, 5, nil, "New Customer"), (90, 5, nil, "Active Customer"),
        (-1, -1, 89, "New Customer"), (-1, -1, 90, "Active Customer"),
        (60, 5, 100, "Active Customer"), (-1, -1, nil, "Prospect"), (300, 95, nil, "Winback Target"),
    ] as [(Int, Int, Int?, String)])
    func tenureBoundaries(first: Int, last: Int, won: Int?, expected: String) async throws {
        try await account(1, transactions: first < 0 ? [] : [first, last], wonDaysAgo: won)
        _ = try await scan()
        #expect(try await status(1).1 == expected)
        if first < 0 { #expect(try await status(1).0 == "No Transaction") }
    }

    @Test(arguments: [(90, 10, "New Winback Customer"), (89, 10, "Active Customer"), (200, 89, "New Winback Customer"), (200, 90, "Active Customer")])
    func anInactiveAccountThatBuysAgainIsANewWinbackCustomerFor90Days(gap: Int, sinceReturn: Int, expected: String) async throws {
        try await account(1, transactions: [sinceReturn + gap + 400, sinceReturn + gap, sinceReturn, 1])
        _ = try await scan()
        #expect(try await status(1).1 == expected)
    }

    @Test func newlyInactiveAccountsAreEnrolledOnceAndAScanTwiceChangesNothing() async throws {
        try await account(1, transactions: [120])
        try await account(2, transactions: [10])
        let first = try await scan()
        #expect(first.flagged == [1] && first.enrollments.count == 1 && first.changed == 2)
        let second = try await scan()
        #expect(second.changed == 0 && second.flagged.isEmpty && second.enrollments.isEmpty)
        let later = try await scan(asOf.adding(days: 7))
        #expect(later.flagged.isEmpty, "still inactive a week later: not flagged again")
        #expect(try await CadenceFixture.count(store, "SELECT count(*) FROM cadence_enrollments WHERE record_id = 1 AND record_type = 'account'") == 1)
        let flaggedEvents = try await store.eventList(limit: 10).map(\.0).filter { $0.name == "account.winback_flagged" }
        #expect(flaggedEvents.map(\.payload) == [#"{"account_id":1,"as_of":"2026-06-30","rule":"inactive"}"#])
        #expect(try await CadenceFixture.count(store, "SELECT count(*) FROM jobs WHERE kind = 'cadence_generate'") == 1)
        #expect(try await CadenceFixture.count(store, "SELECT count(*) FROM account_status_history") == 2, "one change per account")
    }

    @Test func anAccountThatTransactsAgainIsReactivatedAndItsWinbackStops() async throws {
        try await account(1, transactions: [120])
        let flagged = try await scan()
        let enrollment = try #require(flagged.enrollments.first)
        _ = try await CadenceService(store: store).generate([enrollment], now: CadenceFixture.noon("2026-06-30"))
        _ = try await CRMChanges(store: store).recordTransaction(account: 1, date: "2026-07-02", amount: 50, now: CadenceFixture.noon("2026-07-02"))
        let back = try await scan(CRMDay("2026-07-03"))
        #expect(back.reactivated == [1])
        #expect(try await status(1) == ("Active", "New Winback Customer"))
        let stopped = try await CadenceService(store: store).enrollment(enrollment)
        #expect(stopped.status == .stopped && stopped.stopReason == "account.reactivated")
        #expect(try await CadenceFixture.count(store, "SELECT count(*) FROM activities WHERE cadence_enrollment_id = ? AND status = 'Planned'", [enrollment]) == 0)
        #expect(try await CadenceFixture.count(store, "SELECT count(*) FROM events WHERE name = 'account.reactivated'") == 1)
        let history = try #require(try await winback.status(account: 1)).history
        #expect(history.map(\.activity) == ["Inactive", "Active"])
        #expect(history.last?.previousActivity == "Inactive")
    }

    @Test func asOfMakesAScanReproducible() async throws {
        try await account(1, transactions: [40])
        try await store.database.write { db in
            try db.execute(sql: "INSERT INTO transactions (account_id, date, amount) VALUES (1, '2026-07-15', 5)")
        }
        _ = try await scan()
        #expect(try await status(1).0 == "Passive", "a transaction after the as-of day is not seen")
    }
}
