import Foundation
import GRDB
import StewardCore
import StewardCRM
import StewardSQLite
import StewardTesting
import Testing

@Suite("CRM changes", .crmDatabase)
struct CRMChangesTests {
    let store: SQLiteJobStore
    let changes: CRMChanges
    let now = CadenceFixture.noon("2026-03-02")

    init() async throws {
        store = try SQLiteDatabaseTrait.store().store
        changes = CRMChanges(store: store, actor: "tester")
        try await CadenceFixture.seed(store)
        try await store.database.write { db in
            try db.execute(sql: "INSERT INTO prospecting_targets (target_id, company_name, status, dedupe_key, owner_user_id) VALUES (7, 'Prospect Co', 'engaged', 'p', 'cleo')")
        }
    }

    /// Rows in the tables a change writes: nothing may appear when it fails.
    func footprint() async throws -> [Int] {
        try await store.database.read { db in
            try ["opportunities", "accounts", "transactions", "audit_log", "events", "jobs"].map { try Int.fetchOne(db, sql: "SELECT count(*) FROM \($0)") ?? 0 }
        }
    }

    func expectRefused(_ code: StewardError.Code, _ message: String, _ change: () async throws -> CRMChanges.Result) async throws {
        let before = try await footprint()
        let error = await #expect(throws: StewardError.self) { _ = try await change() }
        #expect(error?.code == code)
        #expect(error?.message.contains(message) == true, "\(error?.message ?? "")")
        #expect(error?.fix != nil)
        #expect(try await footprint() == before, "nothing written")
    }

    @Test func creatingAnOpportunityWritesItsRowAuditAndEventTogether() async throws {
        let result = try await changes.createOpportunity(account: 2, amount: 1200, now: now)
        #expect(result.events == ["opportunity.created"])
        let row = try store.database.read { db in try Row.fetchOne(db, sql: "SELECT owner_user_id, stage, amount FROM opportunities WHERE opportunity_id = ?", arguments: [result.id]) }
        #expect(row?[0] == "ben" && row?[1] == "new" && row?[2] == 1200.0)
        #expect(try await CadenceFixture.count(store, "SELECT count(*) FROM audit_log WHERE action = 'opportunity.created' AND entity_id = ? AND actor = 'tester'", [result.id]) == 1)
        let event = try #require(try await store.eventList(limit: 1).first?.0)
        #expect(event.name == "opportunity.created" && event.payload.contains("\"opportunity_id\":\(result.id)"))
    }

    @Test func badInputIsRefusedNamingTheField() async throws {
        try await expectRefused(.recordNotFound, "no account 99") { try await changes.createOpportunity(account: 99, amount: 10, now: now) }
        try await expectRefused(.recordNotFound, "no account 99") { try await changes.createOpportunity(account: 99, amount: 10, owner: "anna", now: now) }
        try await expectRefused(.invalidChange, "amount: -5.0") { try await changes.createOpportunity(account: 1, amount: -5, now: now) }
        try await expectRefused(.invalidChange, "amount: 1e+20") { try await changes.createOpportunity(account: 1, amount: 1e20, now: now) }
        try await expectRefused(.invalidChange, "amount: -10000000000000.0") { try await changes.recordTransaction(account: 1, date: nil, amount: -1e13, now: now) }
        try await expectRefused(.invalidChange, "stage: unknown value 'won'") { try await changes.changeStage(opportunity: 101, to: "won", reason: nil, now: now) }
        try await expectRefused(.invalidChange, "reason: closing opportunity 101 as lost needs a reason") {
            try await changes.changeStage(opportunity: 101, to: "closed_lost", reason: "  ", now: now)
        }
        try await expectRefused(.recordNotFound, "no opportunity 5") { try await changes.changeStage(opportunity: 5, to: "qualified", reason: nil, now: now) }
        try await expectRefused(.invalidChange, "date: '2026-02-30' is not a date") {
            try await changes.recordTransaction(account: 1, date: "2026-02-30", amount: 10, now: now)
        }
        try await expectRefused(.invalidChange, "amount: 0.0") { try await changes.recordTransaction(account: 1, date: nil, amount: 0, now: now) }
        try await expectRefused(.recordNotFound, "no activity 3") { try await changes.completeActivity(3, now: now) }
        try await expectRefused(.recordNotFound, "no target 8") { try await changes.convertTarget(8, now: now) }
    }

    @Test func closingIsFinalAndLostKeepsItsReason() async throws {
        let lost = try await changes.changeStage(opportunity: 101, to: "closed_lost", reason: "chose a competitor", now: now)
        #expect(lost.events == ["opportunity.stage_changed", "opportunity.closed_lost"])
        let row = try store.database.read { db in try Row.fetchOne(db, sql: "SELECT lost_reason, closed_at FROM opportunities WHERE opportunity_id = 101") }
        #expect(row?[0] == "chose a competitor" && row?[1] == "2026-03-02")
        try await expectRefused(.invalidTransition, "opportunity 101 is already closed_lost") {
            try await changes.changeStage(opportunity: 101, to: "closed_won", reason: nil, now: now)
        }
    }

    @Test func convertingATargetCreatesItsAccountOnce() async throws {
        let result = try await changes.convertTarget(7, now: now)
        #expect(result.events == ["target.converted"])
        let account = try store.database.read { db in try Row.fetchOne(db, sql: "SELECT a.company_name, a.owner_user_id, t.status FROM prospecting_targets t JOIN accounts a USING (account_id) WHERE t.target_id = 7") }
        #expect(account?[0] == "Prospect Co" && account?[1] == "cleo" && account?[2] == "converted")
        try await expectRefused(.invalidTransition, "target 7 is converted") { try await changes.convertTarget(7, now: now) }
    }

    @Test func aTransactionIsRecordedWithItsEvent() async throws {
        let result = try await changes.recordTransaction(account: 3, date: "2026-02-27", amount: 99.5, now: now)
        #expect(result.events == ["transaction.recorded"])
        #expect(try await CadenceFixture.count(store, "SELECT count(*) FROM transactions WHERE account_id = 3 AND date = '2026-02-27' AND amount = 99.5") == 1)
    }
}
