import Foundation
import GRDB
import StewardCore
import StewardCRM
import StewardSQLite
import StewardTesting
import StewardWorkflows
import Testing

@Suite("Cadence generation", .crmDatabase)
struct CadenceGenerationTests {
    let store: SQLiteJobStore
    let service: CadenceService
    let monday = CadenceFixture.noon("2026-03-02")

    init() async throws {
        store = try SQLiteDatabaseTrait.store().store
        service = CadenceService(store: store)
        try await CadenceFixture.seed(store)
    }

    func enroll(_ cadence: String, _ record: CRMRecordRef, at now: Date? = nil) async throws -> CadenceEnrollment {
        try await service.enroll(try CadenceFixture.cadence(cadence), record: record, now: now ?? monday).enrollment
    }

    func activities(_ enrollment: Int64) async throws -> [CRMActivity] {
        try await service.activities(ActivityFilter(enrollment: enrollment), today: CRMDay(monday))
    }

    @Test func upfrontPlansEveryStepForTheRecordsOwnerOnce() async throws {
        let enrollment = try await enroll("follow-up", CRMRecordRef(.opportunity, 102))
        #expect(try await service.generate([enrollment.id], now: monday) == 3)
        #expect(try await service.generate([enrollment.id], now: monday) == 0, "a rerun creates nothing")
        let planned = try await activities(enrollment.id)
        #expect(planned.map(\.dueDate?.description) == ["2026-03-02", "2026-03-04", "2026-03-09"])
        #expect(planned.map(\.stepNumber) == [1, 2, 3])
        #expect(planned.allSatisfy { $0.owner == "ben" && $0.status == .planned && $0.accountID == 2 && $0.enrollmentID == enrollment.id })
        #expect(planned[0].subject == "First contact: Company 2")
        #expect(planned[0].description == "Owner ben, opportunity 102")
        #expect(try await CadenceFixture.count(store, "SELECT count(*) FROM activities WHERE opportunity_id = 102") == 3)
    }

    @Test func enrollingTwiceReturnsTheOpenEnrollment() async throws {
        let first = try await service.enroll(try CadenceFixture.cadence("follow-up"), record: CRMRecordRef(.opportunity, 101), now: monday)
        let second = try await service.enroll(try CadenceFixture.cadence("follow-up"), record: CRMRecordRef(.opportunity, 101), now: monday)
        #expect(first.inserted && !second.inserted)
        #expect(first.enrollment.id == second.enrollment.id)
        #expect(try await CadenceFixture.count(store, "SELECT count(*) FROM cadence_enrollments") == 1)
        await #expect(throws: DatabaseError.self, "the partial unique index refuses a second open enrollment") {
            try await store.database.write { db in
                try db.execute(sql: """
                    INSERT INTO cadence_enrollments (cadence_id, cadence_version, record_type, record_id, status, enrolled_on, source, created_at)
                    SELECT cadence_id, 1, 'opportunity', 101, 'Paused', '2026-03-02', 'x', 'x' FROM cadences WHERE name = 'follow-up'
                    """)
            }
        }
    }

    @Test func aMissingRecordIsAnErrorAndWritesNothing() async throws {
        let error = await #expect(throws: StewardError.self) {
            try await enroll("follow-up", CRMRecordRef(.opportunity, 999))
        }
        #expect(error?.code == .recordNotFound)
        #expect(error?.message == "no opportunity 999")
        #expect(try await CadenceFixture.count(store, "SELECT count(*) FROM cadence_enrollments") == 0)
    }

    @Test func stepwisePlansTheNextStepWhenThePreviousIsDoneAndShiftsWhenLate() async throws {
        let enrollment = try await enroll("steps", CRMRecordRef(.account, 1))
        #expect(try await service.generate([enrollment.id], now: monday) == 1)
        #expect(try await service.generate([enrollment.id], now: monday) == 0, "step 2 waits for step 1")
        let first = try #require(try await activities(enrollment.id).first)
        // Done two days late: step 2 (3 days after step 1) moves to 3 days after the completion.
        _ = try await CRMChanges(store: store).completeActivity(first.id, on: "2026-03-04", now: monday)
        #expect(try await service.generate([enrollment.id], now: monday) == 1)
        let second = try #require(try await activities(enrollment.id).last)
        #expect(second.stepNumber == 2)
        #expect(second.dueDate?.description == "2026-03-07")
        #expect(try await service.enrollment(enrollment.id).currentStep == 1)
    }

    @Test func upfrontShiftsLaterStepsWhenAStepIsDoneLate() async throws {
        let enrollment = try await enroll("follow-up", CRMRecordRef(.opportunity, 101))
        _ = try await service.generate([enrollment.id], now: monday)
        let first = try #require(try await activities(enrollment.id).first)
        _ = try await CRMChanges(store: store).completeActivity(first.id, on: "2026-03-04", now: monday)
        let planned = try await activities(enrollment.id).filter { $0.status == .planned }
        #expect(planned.map(\.dueDate?.description) == ["2026-03-06", "2026-03-11"], "two business days late moves steps 2 and 3 by two")
    }

    @Test func completingTheLastStepCompletesTheEnrollment() async throws {
        let enrollment = try await enroll("follow-up", CRMRecordRef(.opportunity, 101))
        _ = try await service.generate([enrollment.id], now: monday)
        for activity in try await activities(enrollment.id) {
            _ = try await CRMChanges(store: store).completeActivity(activity.id, now: monday)
        }
        let done = try await service.enrollment(enrollment.id)
        #expect(done.status == .completed)
        #expect(done.currentStep == 3)
        #expect(try await CadenceFixture.count(store, "SELECT count(*) FROM events WHERE name = 'cadence.completed'") == 1)
    }

    @Test func pausedActivitiesAreNotDueAndResumeKeepsTheRemainingDelays() async throws {
        let enrollment = try await enroll("follow-up", CRMRecordRef(.opportunity, 101))
        _ = try await service.generate([enrollment.id], now: monday)
        let wednesday = CadenceFixture.noon("2026-03-04")
        _ = try await service.pause(enrollment.id, now: wednesday)
        let due = try await service.activities(ActivityFilter(due: .today), today: CRMDay(wednesday))
        #expect(due.isEmpty, "step 2 is due on Wednesday, but its enrollment is paused")
        let overdue = try await service.activities(ActivityFilter(due: .overdue), today: CRMDay(wednesday))
        #expect(overdue.isEmpty)
        #expect(try await activities(enrollment.id).filter(\.onHold).count == 3)
        await #expect(throws: StewardError.self) { try await service.pause(enrollment.id, now: wednesday) }

        let nextWednesday = CadenceFixture.noon("2026-03-11")
        _ = try await service.resume(enrollment.id, now: nextWednesday)
        let planned = try await activities(enrollment.id)
        // Step 1 was overdue at the pause and stays; step 2 was due that day (now the resume
        // day); step 3 had 3 business days left.
        #expect(planned.map(\.dueDate?.description) == ["2026-03-02", "2026-03-11", "2026-03-16"])
        #expect(try await service.activities(ActivityFilter(due: .today), today: CRMDay(nextWednesday)).map(\.stepNumber) == [2])
    }

    @Test func pausedBeforeAnythingWasPlannedTheCadenceStartsLaterByThePause() async throws {
        let enrollment = try await enroll("steps", CRMRecordRef(.account, 1))
        _ = try await service.pause(enrollment.id, now: monday)
        #expect(try await service.generate([enrollment.id], now: monday) == 0, "nothing is planned while paused")
        _ = try await service.resume(enrollment.id, now: CadenceFixture.noon("2026-03-09"))
        #expect(try await service.generate([enrollment.id], now: monday) == 1)
        #expect(try await activities(enrollment.id).map(\.dueDate?.description) == ["2026-03-09"])
    }

    @Test func stopCancelsWhatIsStillPlanned() async throws {
        let enrollment = try await enroll("follow-up", CRMRecordRef(.opportunity, 101))
        _ = try await service.generate([enrollment.id], now: monday)
        let first = try #require(try await activities(enrollment.id).first)
        _ = try await CRMChanges(store: store).completeActivity(first.id, now: monday)
        let stopped = try await service.stop(enrollment.id, reason: "no longer relevant", now: monday)
        #expect(stopped.status == .stopped && stopped.stopReason == "no longer relevant")
        #expect(try await activities(enrollment.id).map(\.status) == [.done, .cancelled, .cancelled])
        #expect(try await service.generate([enrollment.id], now: monday) == 0, "a stopped enrollment gets nothing new")
        await #expect(throws: StewardError.self) { try await service.resume(enrollment.id, now: monday) }
    }

    @Test func aWonOpportunityStopsItsCadenceThroughStopOn() async throws {
        let enrollment = try await enroll("follow-up", CRMRecordRef(.opportunity, 101))
        _ = try await service.generate([enrollment.id], now: monday)
        _ = try await CRMChanges(store: store).changeStage(opportunity: 101, to: "closed_won", reason: nil, now: monday)
        // What the `cadence_stop` job routed from opportunity.closed_won does:
        let payload = try await store.eventList(limit: 10).first { $0.0.name == "opportunity.closed_won" }?.0.payload ?? "{}"
        let record = CRMRecordRef.subject(ofEvent: "opportunity.closed_won", payload: try JSONSerialization.jsonObject(with: Data(payload.utf8)) as? [String: Any] ?? [:])
        #expect(record == CRMRecordRef(.opportunity, 101))
        let stopped = try await service.stopOpen(cadence: "follow-up", record: try #require(record), reason: "opportunity.closed_won", now: monday)
        #expect(stopped.map(\.id) == [enrollment.id])
        #expect(try await activities(enrollment.id).allSatisfy { $0.status == .cancelled })
        let other = try await enroll("follow-up", CRMRecordRef(.opportunity, 102))
        #expect(try await service.enrollment(other.id).status == .active, "other records keep their cadence")
    }

    @Test func aTargetsCadenceRendersItsFieldsAndStopsWhenItIsConverted() async throws {
        let text = """
            kind: cadence
            name: prospecting
            steps:
              - { day: 0, type: email, subject: "Hello {{target.company_name}}", description: "{{account.company_name}}" }
              - { day: 7, type: call, subject: "Call {{target.contact_name}}" }
            stop_on: [target.converted]
            """
        let definition = try #require(try CadenceFixture.definitions(text).cadences["prospecting"])
        try await store.database.write { db in
            try db.execute(sql: "INSERT INTO prospecting_targets (target_id, company_name, contact_name, status, dedupe_key, owner_user_id) VALUES (5, 'Kestrel Oy', 'Aino', 'engaged', 'k', 'cleo')")
        }
        let enrollment = try await service.enroll(definition, record: CRMRecordRef(.target, 5), now: monday).enrollment
        _ = try await service.generate([enrollment.id], now: monday)
        let planned = try await activities(enrollment.id)
        #expect(planned.map(\.subject) == ["Hello Kestrel Oy", "Call Aino"])
        #expect(planned.first?.description == "", "a target has no account yet")
        #expect(planned.allSatisfy { $0.owner == "cleo" })
        _ = try await CRMChanges(store: store).convertTarget(5, now: monday)
        let payload = try #require(try await store.eventList(limit: 5).first { $0.0.name == "target.converted" }?.0.payload)
        let record = try #require(CRMRecordRef.subject(ofEvent: "target.converted", payload: try JSONSerialization.jsonObject(with: Data(payload.utf8)) as? [String: Any] ?? [:]))
        #expect(record == CRMRecordRef(.target, 5), "the target, not its new account")
        _ = try await service.stopOpen(cadence: "prospecting", record: record, reason: "target.converted", now: monday)
        #expect(try await activities(enrollment.id).allSatisfy { $0.status == .cancelled })
    }

    @Test func editingTheFileAddsAVersionAndLeavesPlannedActivitiesAlone() async throws {
        let enrollment = try await enroll("follow-up", CRMRecordRef(.opportunity, 101))
        _ = try await service.generate([enrollment.id], now: monday)
        let edited = try CadenceFixture.definitions(CadenceFixture.files.replacingOccurrences(of: "\"Check-in\"", with: "\"Check-in call, edited\""))
        try await service.sync([try #require(edited.cadences["follow-up"])], now: monday)
        #expect(try await activities(enrollment.id).map(\.subject).last == "Check-in", "already planned: untouched")
        let newer = try await service.enroll(try #require(edited.cadences["follow-up"]), record: CRMRecordRef(.opportunity, 102), now: monday).enrollment
        _ = try await service.generate([newer.id], now: monday)
        #expect(newer.cadenceVersion == 2 && enrollment.cadenceVersion == 1)
        #expect(try await activities(newer.id).map(\.subject).last == "Check-in call, edited")
        try await service.sync([try #require(edited.cadences["follow-up"])], now: monday)
        #expect(try await service.summaries().first { $0.name == "follow-up" }?.version == 2, "an unchanged file adds no version")
    }
}
