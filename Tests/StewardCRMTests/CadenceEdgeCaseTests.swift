import Foundation
import GRDB
import StewardCore
import StewardCRM
import StewardSQLite
import StewardTesting
import StewardWorkflows
import Testing

/// Enrollment edges: closed records, steps done out of order, pauses, odd amounts and
/// file versions.
@Suite("Cadence edge cases", .crmDatabase)
struct CadenceEdgeCaseTests {
    let store: SQLiteJobStore
    let service: CadenceService
    let monday = CadenceFixture.noon("2026-03-02")

    init() async throws {
        store = try SQLiteDatabaseTrait.store().store
        service = CadenceService(store: store)
        try await CadenceFixture.seed(store)
    }

    func enroll(_ cadence: String, _ record: CRMRecordRef) async throws -> CadenceEnrollment {
        try await service.enroll(try CadenceFixture.cadence(cadence), record: record, now: monday).enrollment
    }

    func activities(_ enrollment: Int64) async throws -> [CRMActivity] {
        try await service.activities(ActivityFilter(enrollment: enrollment), today: CRMDay(monday))
    }

    /// Runs every due job of the cadence kinds to the end.
    func drainJobs(_ clock: ManualClock) async throws {
        let definitions = WorkflowDefinitions(try CadenceFixture.definitions())
        let kinds = CadenceKinds.make(store: store, definitions: definitions, clock: clock)
        let pool = try PoolHarness(store: store, kinds: kinds, clock: clock) { $0.drain = true; $0.queues = ["cadences": 1] }
        try await pool.finished()
    }

    @Test func aClosedOpportunityOrAConvertedTargetIsNotEnrolled() async throws {
        _ = try await CRMChanges(store: store).changeStage(opportunity: 101, to: "closed_lost", reason: "budget", now: monday)
        let error = await #expect(throws: StewardError.self) { try await enroll("follow-up", CRMRecordRef(.opportunity, 101)) }
        #expect(error?.code == .recordClosed && error?.message.contains("opportunity 101 is closed_lost") == true)
        try await store.database.write { db in
            try db.execute(sql: "INSERT INTO prospecting_targets (target_id, company_name, status, dedupe_key) VALUES (9, 'Gone Ltd', 'dropped', 'g')")
        }
        await #expect(throws: StewardError.self) { try await enroll("steps", CRMRecordRef(.target, 9)) }
        #expect(try await CadenceFixture.count(store, "SELECT count(*) FROM cadence_enrollments") == 0)
        #expect(try await CadenceFixture.count(store, "SELECT count(*) FROM jobs") == 0)
    }

    @Test func anEnrollJobThatRunsAfterTheDealClosedCompletesWithoutEnrolling() async throws {
        let created = try await CRMChanges(store: store).createOpportunity(account: 1, amount: 500, now: monday)
        _ = try await CRMChanges(store: store).changeStage(opportunity: created.id, to: "closed_won", reason: nil, now: monday)
        let event = #"{"id":1,"name":"opportunity.created","payload":{"opportunity_id":\#(created.id),"account_id":1}}"#
        _ = try await store.jobInsertMany([NewJob(kind: CadenceJobs.enroll, args: #"{"cadence":"follow-up","event":\#(event)}"#, queue: CadenceJobs.queue)], now: monday)
        try await drainJobs(ManualClock(now: monday))
        #expect(try await CadenceFixture.count(store, "SELECT count(*) FROM cadence_enrollments") == 0)
        #expect(try await CadenceFixture.count(store, "SELECT count(*) FROM jobs WHERE kind = 'cadence_enroll' AND state = 'completed'") == 1)
    }

    @Test func aWonDealStopsItsAccountsCadenceToo() async throws {
        let account = try await enroll("follow-up", CRMRecordRef(.account, 1))
        let other = try await enroll("follow-up", CRMRecordRef(.account, 2))
        _ = try await CRMChanges(store: store).changeStage(opportunity: 101, to: "closed_won", reason: nil, now: monday)
        let event = #"{"id":1,"name":"opportunity.closed_won","payload":{"opportunity_id":101,"account_id":1,"to":"closed_won"}}"#
        _ = try await store.jobInsertMany([NewJob(kind: CadenceJobs.stop, args: #"{"cadence":"follow-up","event":\#(event)}"#, queue: CadenceJobs.queue)], now: monday)
        try await drainJobs(ManualClock(now: monday))
        let stopped = try await service.enrollment(account.id)
        #expect(stopped.status == .stopped && stopped.stopReason == "opportunity.closed_won")
        #expect(try await service.enrollment(other.id).status == .active, "another account's cadence goes on")
    }

    @Test func anEnrollJobAfterAStopEventForItsRecordDoesNotEnroll() async throws {
        // An account cadence stopped by a won deal: its enroll job, still queued, runs after.
        let text = CadenceFixture.files + "\n---\nkind: cadence\nname: nurture\nenroll_on: account.reactivated\nsteps:\n  - { day: 0, type: call, subject: \"Hi\" }\nstop_on: [opportunity.closed_won]\n"
        let definitions = WorkflowDefinitions(try CadenceFixture.definitions(text))
        let enrolling = try await store.database.write { db in try store.recordEvent("account.reactivated", payload: #"{"account_id":1}"#, in: db, now: monday) }
        _ = try await CRMChanges(store: store).changeStage(opportunity: 101, to: "closed_won", reason: nil, now: monday)
        let event = #"{"id":\#(enrolling),"name":"account.reactivated","payload":{"account_id":1}}"#
        _ = try await store.jobInsertMany([NewJob(kind: CadenceJobs.enroll, args: #"{"cadence":"nurture","event":\#(event)}"#, queue: CadenceJobs.queue)], now: monday)
        let clock = ManualClock(now: monday)
        let pool = try PoolHarness(store: store, kinds: CadenceKinds.make(store: store, definitions: definitions, clock: clock), clock: clock) {
            $0.drain = true; $0.queues = ["cadences": 1]
        }
        try await pool.finished()
        #expect(try await CadenceFixture.count(store, "SELECT count(*) FROM cadence_enrollments") == 0)
        #expect(try await CadenceFixture.count(store, "SELECT count(*) FROM jobs WHERE kind = 'cadence_enroll' AND state = 'completed'") == 1)
        let manual = try await service.enroll(try #require(definitions.set.cadences["nurture"]), record: CRMRecordRef(.account, 1), now: monday)
        #expect(manual.inserted, "by hand it still enrolls")
    }

    @Test func theLastStepDoneEarlyLeavesTheEnrollmentOpenUntilEveryStepIsDone() async throws {
        let enrollment = try await enroll("follow-up", CRMRecordRef(.opportunity, 101))
        _ = try await service.generate([enrollment.id], now: monday)
        let steps = try await activities(enrollment.id)
        _ = try await CRMChanges(store: store).completeActivity(try #require(steps.last).id, now: monday)
        #expect(try await service.enrollment(enrollment.id).status == .active, "steps 1 and 2 are still to do")
        _ = try await service.stop(enrollment.id, reason: "deal lost", now: monday)
        #expect(try await activities(enrollment.id).map(\.status) == [.cancelled, .cancelled, .done], "stop still cancels the open steps")

        let again = try await enroll("follow-up", CRMRecordRef(.opportunity, 102))
        _ = try await service.generate([again.id], now: monday)
        for activity in try await activities(again.id).reversed() {
            _ = try await CRMChanges(store: store).completeActivity(activity.id, now: monday)
        }
        #expect(try await service.enrollment(again.id).status == .completed, "completed once the last open step is done")
        #expect(try await CadenceFixture.count(store, "SELECT count(*) FROM events WHERE name = 'cadence.completed'") == 1)
    }

    @Test func aStepwiseStepDoneDuringAPauseGivesTheNextStepItsWholeWaitAfterTheResume() async throws {
        let enrollment = try await enroll("steps", CRMRecordRef(.account, 1))
        _ = try await service.generate([enrollment.id], now: monday)
        _ = try await service.pause(enrollment.id, now: CadenceFixture.noon("2026-03-03"))
        let first = try #require(try await activities(enrollment.id).first)
        _ = try await CRMChanges(store: store).completeActivity(first.id, on: "2026-03-05", now: CadenceFixture.noon("2026-03-05"))
        _ = try await service.resume(enrollment.id, now: CadenceFixture.noon("2026-03-16"))
        // Step 1 was a day overdue at the pause; step 2 comes 3 calendar days after it: 3 after the resume.
        #expect(try await activities(enrollment.id).map(\.dueDate?.description) == ["2026-03-02", "2026-03-19"])
        #expect(try await service.generate([enrollment.id], now: CadenceFixture.noon("2026-03-16")) == 0, "planned once")
    }

    @Test func anUpfrontStepDoneLateDuringAPauseIsNotShiftedTwice() async throws {
        let enrollment = try await enroll("follow-up", CRMRecordRef(.opportunity, 101))
        _ = try await service.generate([enrollment.id], now: monday)  // due Mon 03-02, Wed 03-04, Mon 03-09
        _ = try await service.pause(enrollment.id, now: CadenceFixture.noon("2026-03-03"))
        let first = try #require(try await activities(enrollment.id).first)
        _ = try await CRMChanges(store: store).completeActivity(first.id, on: "2026-03-05", now: CadenceFixture.noon("2026-03-05"))
        _ = try await service.resume(enrollment.id, now: CadenceFixture.noon("2026-03-16"))
        // One business day late at the pause: steps 2 and 3 keep 2 and 5 business days after the resume.
        let planned = try await activities(enrollment.id).filter { $0.status == .planned }
        #expect(planned.map(\.dueDate?.description) == ["2026-03-18", "2026-03-23"])
    }

    @Test func anEnrollJobInAProcessWithAnOlderFileKeepsTheStoredCurrentVersion() async throws {
        let original = try CadenceFixture.cadence("follow-up")
        let edited = try #require(try CadenceFixture.definitions(CadenceFixture.files.replacingOccurrences(of: "\"Check-in\"", with: "\"Edited\"")).cadences["follow-up"])
        try await service.sync([original], now: monday)
        try await service.sync([edited], now: monday)  // another process reloaded the edited file
        let event = #"{"id":1,"name":"opportunity.created","payload":{"opportunity_id":101,"account_id":1}}"#
        _ = try await store.jobInsertMany([NewJob(kind: CadenceJobs.enroll, args: #"{"cadence":"follow-up","event":\#(event)}"#, queue: CadenceJobs.queue)], now: monday)
        try await drainJobs(ManualClock(now: monday))  // this process still holds the original file
        let enrollment = try #require(try await service.enrollments(cadence: "follow-up").first)
        #expect(enrollment.cadenceVersion == 2)
        #expect(try await service.summaries().first { $0.name == "follow-up" }?.version == 2, "current stays the reloaded version")
        #expect(try await CadenceFixture.count(store, "SELECT count(*) FROM cadence_versions") == 2)
    }

    @Test func aHugeAmountRendersInsteadOfCrashing() async throws {
        let text = """
            kind: cadence
            name: big
            generate: stepwise
            steps:
              - { day: 0, type: call, subject: "Deal of {{opportunity.amount}}" }
            """
        let definition = try #require(try CadenceFixture.definitions(text).cadences["big"])
        try await store.database.write { db in try db.execute(sql: "UPDATE opportunities SET amount = 1e20 WHERE opportunity_id = 101") }
        let enrollment = try await service.enroll(definition, record: CRMRecordRef(.opportunity, 101), now: monday).enrollment
        #expect(try await service.generate([enrollment.id], now: monday) == 1)
        #expect(try await activities(enrollment.id).map(\.subject) == ["Deal of 1e+20"])
    }

    @Test func goingBackToAnEarlierFileTextReusesItsVersion() async throws {
        let original = try CadenceFixture.cadence("follow-up")
        let edited = try #require(try CadenceFixture.definitions(CadenceFixture.files.replacingOccurrences(of: "\"Check-in\"", with: "\"Edited\"")).cadences["follow-up"])
        for definition in [original, edited, original, edited] { try await service.sync([definition], now: monday) }
        #expect(try await CadenceFixture.count(store, "SELECT count(*) FROM cadence_versions") == 2, "two texts, two versions")
        #expect(try await service.summaries().first { $0.name == "follow-up" }?.version == 2)
        try await service.sync([original], now: monday)
        #expect(try await enroll("follow-up", CRMRecordRef(.opportunity, 101)).cadenceVersion == 1)
    }

    @Test func activitiesThatAlreadyNamedEnrollmentsDoNotCollideWithNewOnes() async throws {
        try await TemporaryDirectory.with { directory in
            let path = directory.path("old.sqlite")
            let crmV1 = try SQLiteJobStore.open(path: path, options: SQLiteStoreOptions(schema: Array(CRMSchema.migrations.prefix(1))))
            try await crmV1.database.write { db in
                try db.execute(sql: """
                    INSERT INTO accounts (account_id, company_name, owner_user_id) VALUES (1, 'Acme', 'anna');
                    INSERT INTO activities (activity_id, subject, status, cadence_enrollment_id, cadence_step_number)
                    VALUES (1, 'old', 'Done', 1, 1), (2, 'old again', 'Done', 1, 1), (3, 'other', 'Planned', 2, 1);
                    """)
            }
            let store = try SQLiteJobStore.open(path: path, options: SQLiteStoreOptions(schema: CRMSchema.migrations))
            let service = CadenceService(store: store)
            let enrollment = try await service.enroll(try CadenceFixture.cadence("follow-up"), record: CRMRecordRef(.account, 1), now: monday).enrollment
            #expect(enrollment.id == 1)
            #expect(try await service.generate([enrollment.id], now: monday) == 3, "no step counts as planned by the old rows")
            let earlier = try await store.database.read { db in
                try Int64.fetchAll(db, sql: "SELECT earlier_cadence_enrollment_id FROM activities WHERE activity_id <= 3 ORDER BY activity_id")
            }
            #expect(earlier == [1, 1, 2], "the old references are kept")
        }
    }
}
