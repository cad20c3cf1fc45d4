import Foundation
import GRDB
import StewardCore
import StewardCRM
import StewardSQLite
import StewardTesting
import StewardWorkflows
import Testing

/// Upfront generation computes due dates and subjects in SQL; they must match the Swift
/// arithmetic (`CadenceCalendar`) and rendering every day of the week, across month ends.
@Suite("Cadence SQL matches Swift", .crmDatabase)
struct CadenceSQLTests {
    static func cadence(_ counting: String) -> String {
        let steps = (0...15).map { "  - { day: \($0), type: task, subject: \"It's {{opportunity.amount}} for {{account.company_name}}\" }" }
        return "kind: cadence\nname: every-day\ndays: \(counting)\nsteps:\n" + steps.joined(separator: "\n")
    }

    @Test(arguments: ["business", "calendar"])
    func dueDatesMatchTheCalendarForEveryStartDay(counting: String) async throws {
        let store = try SQLiteDatabaseTrait.store().store
        try await CadenceFixture.seed(store, accounts: 1)
        try await store.database.write { db in try db.execute(sql: "UPDATE opportunities SET amount = 48000.0 WHERE opportunity_id = 101") }
        let definition = try #require(try CadenceFixture.definitions(Self.cadence(counting)).cadences["every-day"])
        let service = CadenceService(store: store)
        let first = CRMDay("2026-01-19")!
        var expected: [Int64: [String]] = [:]
        var enrolledOn: [String: Int64] = [:]
        for offset in 0..<42 {  // six weeks, across the ends of January and February
            let day = first.adding(days: offset)
            let enrollment = try await service.enroll(definition, record: CRMRecordRef(.opportunity, 101), on: day, now: Date()).enrollment
            enrolledOn[day.description] = enrollment.id
            #expect(try await service.generate([enrollment.id], now: Date()) == 16)
            expected[enrollment.id] = definition.steps.map { CadenceCalendar(definition.days).day($0.day, after: day).description }
            _ = try await service.stop(enrollment.id, reason: "next", now: Date())
        }
        for (enrollment, dates) in expected {
            let activities = try store.database.read { db in
                try Row.fetchAll(db, sql: "SELECT due_date, subject FROM activities WHERE cadence_enrollment_id = ? ORDER BY cadence_step_number", arguments: [enrollment])
            }
            #expect(activities.map { $0[0] as String } == dates, "enrollment \(enrollment)")
            #expect(activities.allSatisfy { ($0[1] as String) == "It's 48000 for Company 1" })
        }
        // And both against dates worked out by hand: start day → (step offset → due).
        for (start, dues) in Self.handWorked[counting] ?? [:] {
            let id = try #require(enrolledOn[start])
            let stored = try await store.database.read { db in
                try Dictionary(uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT cadence_step_number - 1, due_date FROM activities WHERE cadence_enrollment_id = ?",
                                                                  arguments: [id]).map { ($0[0] as Int, $0[1] as String) })
            }
            for (offset, due) in dues { #expect(stored[offset] == due, "\(counting) from \(start), day \(offset)") }
        }
    }

    static let handWorked: [String: [String: [Int: String]]] = [
        // Friday start: day 1 is Monday; a Saturday start counts from Monday.
        "business": ["2026-01-23": [0: "2026-01-23", 1: "2026-01-26", 5: "2026-01-30", 15: "2026-02-13"],
                     "2026-01-24": [0: "2026-01-26", 4: "2026-01-30", 5: "2026-02-02"]],
        "calendar": ["2026-01-30": [0: "2026-01-30", 2: "2026-02-01", 15: "2026-02-14"],
                     "2026-02-27": [1: "2026-02-28", 2: "2026-03-01"]],
    ]
}
