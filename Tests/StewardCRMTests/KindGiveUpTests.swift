import Foundation
import GRDB
import StewardCore
@testable import StewardCRM
import StewardSQLite
import StewardTesting
import StewardWorkflows
import Testing

/// The CRM kinds' give-up hooks: whatever ends a job without completing it ends the record the
/// job was working on, in the same transaction.
@Suite("Kinds' give-up hooks", .crmDatabase)
struct KindGiveUpTests {
    let clock = ManualClock()

    func names(_ store: SQLiteJobStore) async throws -> [String] {
        try await store.eventList(limit: 20).map(\.0.name)
    }

    @Test func aPendingDeliveryWhoseJobIsCancelledFails() async throws {
        let store = try SQLiteDatabaseTrait.store().store
        let receiver = try await WebhookReceiver()
        let endpoint = try loopbackEndpoint("down", url: receiver.url("/status/503"), extra: "retry: { schedule: [5s] }")
        let deliverer = makeDeliverer(store, endpoints: [endpoint], clock: clock)
        let template = try await deliveryJob(store, endpoint: "down", now: clock.now())
        let job = try await store.jobInsertMany([NewJob(kind: template.kind, args: template.args, queue: "webhooks")], now: clock.now())[0].job
        #expect(try await deliverer.run(context(job)).retryDelay == .seconds(5))
        let hooks = JobRegistry([WebhookDeliveryKind.make(deliverer: deliverer)]).giveUpHooks
        _ = try await store.jobCancel(id: job.id, now: clock.now(), hooks: hooks)
        let delivery = try #require(try await storedDeliveries(store).first)
        #expect(delivery["status"] as String == "failed")
        #expect(delivery["last_result"] as String == "job \(job.id) cancelled")
        #expect(try await names(store).contains("webhook.delivery_failed"))
    }

    @Test func anExportRunLeftRunningByADiscardedJobFails() async throws {
        let store = try SQLiteDatabaseTrait.store().store
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let runner = ExportRunner(store: store, directory: directory.url, logger: quietLogger())
        let kind = ExportKind.make(runner: runner, definitions: WorkflowDefinitions(WorkflowSet()), clock: clock)
        let job = try await store.jobInsertMany([NewJob(kind: ExportKind.name, args: #"{"export":"weekly"}"#, queue: "exports")], now: clock.now())[0].job
        // The worker started the run, then died three times in a row.
        let run = try await ExportRunRecords.start("weekly", jobID: job.id, now: clock.now(), store: store)
        for _ in 1...kind.crashLimit {
            _ = try await store.jobClaim(JobClaimParams(queue: "exports", limit: 1, owner: "dead", leaseDuration: .seconds(30), now: clock.now()))
            clock.advance(by: .seconds(31))
            _ = try await store.jobRescueExpired(now: clock.now(), limit: 5, hooks: JobRegistry([kind]).giveUpHooks) {
                LeaseLossRule.outcome(for: $0, crashLimit: kind.crashLimit)
            }
        }
        let stored = try await store.database.read { db in try ExportRunRecords.fetch(run, db: db) }
        #expect(stored.status == .failed)
        #expect(stored.error?.contains("crashed its worker 3 times") == true)
        #expect(try await names(store).prefix(2) == ["job.discarded", "export.failed"])
    }

    @Test func aCadenceJobGivenUpIsAudited() async throws {
        let store = try SQLiteDatabaseTrait.store().store
        let kinds = CadenceKinds.make(store: store, definitions: WorkflowDefinitions(WorkflowSet()), clock: clock)
        let job = try await store.jobInsertMany([NewJob(kind: CadenceJobs.generate, args: #"{"enrollments":[4,5]}"#, queue: "cadences")], now: clock.now())[0].job
        _ = try await store.jobCancel(id: job.id, now: clock.now(), hooks: JobRegistry(kinds).giveUpHooks)
        let audit = try await store.database.read { db in
            try Row.fetchOne(db, sql: "SELECT action, entity, entity_id, details FROM audit_log")
        }
        let row = try #require(audit)
        #expect(row["action"] as String == "cadence_generate.cancelled")
        #expect(row["entity_id"] as Int64 == job.id)
        #expect((row["details"] as String).contains(#""enrollments":[4,5]"#))
    }
}
