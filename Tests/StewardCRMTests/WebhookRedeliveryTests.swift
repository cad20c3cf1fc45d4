import Foundation
import GRDB
import StewardCore
@testable import StewardCRM
import StewardSQLite
import StewardTesting
import Testing

/// A delivery has one job chain at a time, every way it can fail is found by `--failed-since`,
/// and a delivery whose endpoint went away fails instead of waiting forever.
@Suite("Webhook redelivery", .crmDatabase)
struct WebhookRedeliveryTests {
    let clock = ManualClock()

    /// A delivery left pending after a first failed attempt, and its job.
    private func pendingDelivery(_ store: SQLiteJobStore, _ deliverer: WebhookDeliverer, endpoint: String) async throws -> (Int64, Job) {
        let job = try await deliveryJob(store, endpoint: endpoint, now: clock.now())
        #expect(try await deliverer.run(context(job)).retryDelay == .seconds(5))
        return (try #require(try await storedDeliveries(store).first?["id"] as Int64?), job)
    }

    private func webhookJobs(_ store: SQLiteJobStore) async throws -> Int {
        try await store.database.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM jobs WHERE kind = 'webhook_delivery'") ?? 0 }
    }

    @Test func aPendingDeliveryIsRefusedByIdAndSkippedBySearch() async throws {
        let store = try SQLiteDatabaseTrait.store().store
        let receiver = try await WebhookReceiver()
        let endpoint = try loopbackEndpoint("busy", url: receiver.url("/status/503"), extra: "retry: { schedule: [5s] }")
        let (id, _) = try await pendingDelivery(store, makeDeliverer(store, endpoints: [endpoint], clock: clock), endpoint: "busy")
        await #expect(throws: StewardError.self) { try await store.webhookRedeliver(ids: [id], now: clock.now()) }
        #expect(try await store.webhookRedeliver(ids: [id], now: clock.now(), skipRefused: true) == [])
        #expect(try await webhookJobs(store) == 0, "no second job chain for a delivery that has one")
    }

    @Test func anAttemptAnotherJobRecordedIsNotRecordedAgain() async throws {
        let store = try SQLiteDatabaseTrait.store().store
        let receiver = try await WebhookReceiver()
        let endpoint = try loopbackEndpoint("raced", url: receiver.url("/status/503"), extra: "retry: { schedule: [5s] }")
        let (id, _) = try await pendingDelivery(store, makeDeliverer(store, endpoints: [endpoint], clock: clock), endpoint: "raced")
        let delivery = try await store.webhookDelivery(id).delivery
        let verdict = WebhookVerdict.retry(after: .seconds(5))
        let attempt = WebhookAttempt(number: delivery.attempts + 1, at: clock.now(), result: .refused("test"), verdict: verdict)
        let results = try await store.database.write { db in
            try (0..<2).map { _ in
                try WebhookAttemptRecords.record(attempt, verdict: verdict, delivery: delivery, disableAfter: .seconds(86400), store: store, db: db)
            }
        }
        #expect(results.map { $0 == nil } == [false, true], "the second writer of the same attempt finds it taken")
        #expect(try await storedAttempts(store).count == 2)
    }

    @Test func aDeliveryFailedByDisablingItsEndpointIsFoundByFailedSince() async throws {
        let store = try SQLiteDatabaseTrait.store().store
        let receiver = try await WebhookReceiver()
        let endpoint = try loopbackEndpoint("paused", url: receiver.url("/status/503"), extra: "retry: { schedule: [5s] }")
        let deliverer = makeDeliverer(store, endpoints: [endpoint], clock: clock)
        let (id, job) = try await pendingDelivery(store, deliverer, endpoint: "paused")
        clock.advance(by: .seconds(3600))
        let disabledAt = clock.now()
        try await store.webhookEndpointSetEnabled("paused", enabled: false, reason: "maintenance", now: disabledAt)
        await #expect(throws: JobPermanentError.self) { try await deliverer.run(context(job)) }
        #expect(try await store.webhookFailedDeliveries(since: disabledAt) == [id], "its last attempt was an hour earlier")
        await #expect(throws: StewardError.self) { try await store.webhookRedeliver(ids: [id], now: clock.now()) }
        try await store.webhookEndpointSetEnabled("paused", enabled: true, reason: "", now: clock.now())
        #expect(try await store.webhookRedeliver(ids: [id], now: clock.now()) == [id])
        #expect(try await webhookJobs(store) == 1)
    }

    @Test func aDeliveryToARemovedEndpointFails() async throws {
        let store = try SQLiteDatabaseTrait.store().store
        let receiver = try await WebhookReceiver()
        let endpoint = try loopbackEndpoint("old", url: receiver.url("/status/503"), extra: "retry: { schedule: [5s] }")
        let (id, job) = try await pendingDelivery(store, makeDeliverer(store, endpoints: [endpoint], clock: clock), endpoint: "old")
        let withoutIt = makeDeliverer(store, endpoints: [], clock: clock)
        await #expect(throws: JobPermanentError.self) { try await withoutIt.run(context(job)) }
        let delivery = try #require(try await storedDeliveries(store).first)
        #expect(delivery["status"] as String == "failed")
        #expect(delivery["last_result"] as String? == "endpoint not defined")
        await #expect(throws: StewardError.self) { try await store.webhookRedeliver(ids: [id], now: clock.now(), definedEndpoints: ["new"]) }
    }
}

extension WebhookRedeliveryTests {
    @Test func stewardsOwnRefusalsDoNotCountAgainstTheEndpoint() async throws {
        let store = try SQLiteDatabaseTrait.store().store
        let endpoint = try webhookEndpoint("name: strict\nurl: http://127.0.0.1:9/x\nsecret: ${S}\nevents: [opportunity.created]\nallow_insecure: true\ndisable_after: 1h")
        let deliverer = makeDeliverer(store, endpoints: [endpoint], clock: clock)
        for _ in 0..<2 {
            await #expect(throws: JobPermanentError.self) { try await deliverer.run(context(deliveryJob(store, endpoint: "strict", now: clock.now()))) }
            clock.advance(by: .seconds(7200))
        }
        let state = try #require(try await store.webhookEndpointStates()["strict"])
        #expect(state.enabled && state.firstFailureAt == nil, "a refused address is Steward's refusal, not the endpoint's failure")
        #expect(try await storedAttempts(store).map { $0["error_class"] as String? } == ["refused", "refused"])
    }

    @Test func aDeliveryGivenUpRaisesDeliveryFailed() async throws {
        let store = try SQLiteDatabaseTrait.store().store
        let receiver = try await WebhookReceiver()
        let endpoint = try loopbackEndpoint("down", url: receiver.url("/status/503"), extra: "retry: { schedule: [5s] }")
        let deliverer = makeDeliverer(store, endpoints: [endpoint], clock: clock)
        let (id, job) = try await pendingDelivery(store, deliverer, endpoint: "down")
        clock.advance(by: .seconds(5))
        await #expect(throws: JobPermanentError.self) { try await deliverer.run(context(job)) }
        let payloads = try await store.database.read { db in
            try String.fetchAll(db, sql: "SELECT payload FROM events WHERE name = 'webhook.delivery_failed'")
        }
        #expect(payloads.count == 1)
        let payload = try #require(payloads.first.flatMap { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] })
        #expect(payload["delivery_id"] as? Int64 == id)
        #expect(payload["endpoint"] as? String == "down")
        #expect((payload["reason"] as? String)?.contains("gave up after 2 attempts") == true)
    }
}

extension WebhookRedeliveryTests {
    @Test func pruningDeletesOnlyFinishedDeliveriesPastTheRetention() async throws {
        let store = try SQLiteDatabaseTrait.store().store
        let receiver = try await WebhookReceiver()
        let ok = try loopbackEndpoint("ok", url: receiver.url("/ok"))
        let down = try loopbackEndpoint("down", url: receiver.url("/status/503"), extra: "retry: { schedule: [5s] }")
        let deliverer = makeDeliverer(store, endpoints: [ok, down], clock: clock)
        #expect(try await deliverer.run(context(deliveryJob(store, endpoint: "ok", now: clock.now()))) == .completed)
        _ = try await pendingDelivery(store, deliverer, endpoint: "down")
        clock.advance(by: .seconds(10 * 86400))
        #expect(try await deliverer.run(context(deliveryJob(store, endpoint: "ok", now: clock.now()))) == .completed)
        #expect(try await store.webhookPrune(before: clock.now().addingTimeInterval(-86400)) == 1)
        #expect(try await storedDeliveries(store).map { $0["endpoint"] as String } == ["down", "ok"], "the pending and the recent one stay")
        #expect(try await storedAttempts(store).count == 2)
    }
}

extension WebhookRedeliveryTests {
    /// A redelivery's job that recorded its last attempt but has not finished yet still holds
    /// the delivery: asking again is refused rather than leaving a pending delivery jobless.
    @Test func aRedeliveryWhoseJobIsStillFinishingIsNotStartedAgain() async throws {
        let store = try SQLiteDatabaseTrait.store().store
        let receiver = try await WebhookReceiver()
        let endpoint = try loopbackEndpoint("again", url: receiver.url("/status/503"), extra: "retry: { schedule: [5s] }")
        let deliverer = makeDeliverer(store, endpoints: [endpoint], clock: clock)
        let (id, job) = try await pendingDelivery(store, deliverer, endpoint: "again")
        await #expect(throws: JobPermanentError.self) { try await deliverer.run(context(job)) }
        #expect(try await store.webhookRedeliver(ids: [id], now: clock.now()) == [id])
        try await store.database.write { db in try db.execute(sql: "UPDATE webhook_deliveries SET status = 'failed' WHERE id = ?", arguments: [id]) }
        await #expect(throws: StewardError.self) { try await store.webhookRedeliver(ids: [id], now: clock.now()) }
        #expect(try await store.webhookRedeliver(ids: [id], now: clock.now(), skipRefused: true) == [])
        #expect(try await webhookJobs(store) == 1)
    }
}
