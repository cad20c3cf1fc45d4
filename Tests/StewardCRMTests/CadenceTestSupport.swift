import Foundation
import GRDB
import StewardCRM
import StewardSQLite
import StewardTesting
import StewardWorkflows
import Testing

/// Workflow text and CRM rows the cadence and winback tests share.
enum CadenceFixture {
    static let files = """
        kind: cadence
        name: follow-up
        days: business
        generate: upfront
        late_steps: shift
        steps:
          - { day: 0, type: call, subject: "First contact: {{account.company_name}}", description: "Owner {{account.owner_user_id}}, opportunity {{opportunity.opportunity_id}}" }
          - { day: 2, type: email, subject: "Follow-up: {{account.company_name}}" }
          - { day: 5, type: call, subject: "Check-in" }
        stop_on: [opportunity.closed_won, opportunity.closed_lost]
        ---
        kind: cadence
        name: steps
        days: calendar
        generate: stepwise
        late_steps: shift
        steps:
          - { day: 0, type: call, subject: "One" }
          - { day: 3, type: email, subject: "Two" }
          - { day: 10, type: task, subject: "Three" }
        ---
        kind: cadence
        name: winback
        days: business
        generate: stepwise
        steps:
          - { day: 0, type: call, subject: "We miss you, {{account.company_name}}" }
          - { day: 3, type: email, subject: "Offer" }
        stop_on: [account.reactivated]
        ---
        kind: winback
        name: inactive
        cadence: winback
        """

    static func definitions(_ text: String = files) throws -> WorkflowSet {
        try WorkflowLoader(environment: [:]).load(files: [(path: "test.yml", text: text)])
    }

    static func cadence(_ name: String) throws -> CadenceDefinition {
        try #require(try definitions().cadences[name])
    }

    /// Noon UTC of a day, so CRMDay(now) is that day.
    static func noon(_ day: String) -> Date {
        Date(timeIntervalSince1970: Double(CRMDay(day)!.number) * 86_400 + 43_200)
    }

    /// Accounts 1…n (owner anna/ben alternating) and opportunity 100 + i on each.
    static func seed(_ store: SQLiteJobStore, accounts: Int = 3) async throws {
        try await store.database.write { db in
            for id in 1...accounts {
                try db.execute(sql: "INSERT INTO accounts (account_id, company_name, owner_user_id, created_at) VALUES (?, ?, ?, '2025-01-01')",
                               arguments: [id, "Company \(id)", id % 2 == 1 ? "anna" : "ben"])
                try db.execute(sql: "INSERT INTO opportunities (opportunity_id, account_id, stage, owner_user_id, created_at) VALUES (?, ?, 'new', ?, '2025-01-01')",
                               arguments: [100 + id, id, id % 2 == 1 ? "anna" : "ben"])
            }
        }
    }

    static func count(_ store: SQLiteJobStore, _ sql: String, _ arguments: StatementArguments = []) async throws -> Int {
        try await store.database.read { db in try Int.fetchOne(db, sql: sql, arguments: arguments) ?? 0 }
    }
}
