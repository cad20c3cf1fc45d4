import Foundation
import GRDB
import StewardCore
@testable import StewardCRM
import StewardSQLite
import StewardTesting
import Testing

/// A real receiver on 127.0.0.1 answers as scripted; the deliverer runs as the pool would run
/// it, with a manual clock standing in for the hours between retries.
@Suite("Webhook retries", .crmDatabase)
struct WebhookRetryTests {
    let clock = ManualClock()

    @Test func aFlakyReceiverDrivesTheScheduleAndEveryAttemptIsStored() async throws {
        let store = try SQLiteDatabaseTrait.store().store
        let receiver = try await WebhookReceiver()
        let endpoint = try loopbackEndpoint("flaky", url: receiver.url("/seq/500,hang,429-100,301,200"),
                                            extra: "timeout: 1s\nretry: { schedule: [5s, 30s, 60s, 90s, 120s] }")
        let deliverer = makeDeliverer(store, endpoints: [endpoint], clock: clock)
        let job = try await deliveryJob(store, endpoint: "flaky", now: clock.now())
        let expected: [Duration] = [.seconds(5), .seconds(30), .seconds(100), .seconds(90)]
        for delay in expected {
            #expect(try await deliverer.run(context(job)).retryDelay == delay)
            clock.advance(by: delay)
        }
        #expect(try await deliverer.run(context(job)) == .completed)

        let attempts = try await storedAttempts(store)
        #expect(attempts.map { $0["attempt"] as Int } == [1, 2, 3, 4, 5])
        #expect(attempts.map { $0["status_code"] as Int? } == [500, nil, 429, 301, 200])
        #expect(attempts.map { $0["error_class"] as String? } == ["http", "timeout", "http", "http", nil])
        let gaps = attempts.map { row in (row["next_attempt_at"] as Double?).map { $0 - (row["attempted_at"] as Double) } }
        #expect(gaps == [5, 30, 100, 90, nil])
        #expect((attempts[2]["response_headers"] as String?)?.contains("Retry-After: 100") == true)
        let delivery = try #require(try await storedDeliveries(store).first)
        #expect(delivery["status"] as String == "delivered")
        let requests = try await receiver.waitForRequests(5)
        #expect(Set(requests.map(\.id)) == [delivery["message_id"] as String], "every retry reuses the webhook-id")
        #expect(Set(requests.map(\.body)).count == 1, "every retry sends the same body")
    }

    @Test func giveUpAfterTheScheduleRunsOut() async throws {
        let store = try SQLiteDatabaseTrait.store().store
        let receiver = try await WebhookReceiver()
        let endpoint = try loopbackEndpoint("down", url: receiver.url("/status/503"), extra: "retry: { schedule: [5s] }")
        let deliverer = makeDeliverer(store, endpoints: [endpoint], clock: clock)
        let job = try await deliveryJob(store, endpoint: "down", now: clock.now())
        #expect(try await deliverer.run(context(job)).retryDelay == .seconds(5))
        clock.advance(by: .seconds(5))
        await #expect(throws: JobPermanentError.self) { try await deliverer.run(context(job)) }
        let delivery = try #require(try await storedDeliveries(store).first)
        #expect(delivery["status"] as String == "failed")
        #expect(delivery["attempts"] as Int == 2)
    }

    @Test func otherClientErrorsRetryUnlessTheEndpointMarksThemPermanent() async throws {
        let store = try SQLiteDatabaseTrait.store().store
        let receiver = try await WebhookReceiver()
        let lenient = try loopbackEndpoint("lenient", url: receiver.url("/status/422"))
        let strict = try loopbackEndpoint("strict", url: receiver.url("/status/422"), extra: "permanent_4xx: true")
        let deliverer = makeDeliverer(store, endpoints: [lenient, strict], clock: clock)
        #expect(try await deliverer.run(context(deliveryJob(store, endpoint: "lenient", now: clock.now()))).retryDelay == .seconds(5))
        await #expect(throws: JobPermanentError.self) {
            try await deliverer.run(context(deliveryJob(store, endpoint: "strict", now: clock.now())))
        }
        #expect(try await storedDeliveries(store).map { $0["status"] as String } == ["pending", "failed"])
    }

    @Test func goneDisablesTheEndpointWithAnEvent() async throws {
        let store = try SQLiteDatabaseTrait.store().store
        let receiver = try await WebhookReceiver()
        let endpoint = try loopbackEndpoint("gone", url: receiver.url("/status/410"))
        let deliverer = makeDeliverer(store, endpoints: [endpoint], clock: clock)
        await #expect(throws: JobPermanentError.self) { try await deliverer.run(context(deliveryJob(store, endpoint: "gone", now: clock.now()))) }
        await #expect(throws: JobPermanentError.self) { try await deliverer.run(context(deliveryJob(store, endpoint: "gone", now: clock.now()))) }
        #expect(receiver.requests.count == 1, "nothing is sent to a disabled endpoint")
        let events = try store.database.read { db in try Row.fetchAll(db, sql: "SELECT name, payload FROM events WHERE name = 'endpoint.disabled'") }
        #expect(events.count == 1)
        #expect((events.first?["payload"] as String?)?.contains("410") == true)
        let states = try await store.webhookEndpointStates()
        #expect(states["gone"]?.enabled == false)
    }

    @Test func onlyFailuresForTheConfiguredPeriodDisableTheEndpoint() async throws {
        let store = try SQLiteDatabaseTrait.store().store
        let receiver = try await WebhookReceiver()
        let endpoint = try loopbackEndpoint("flapping", url: receiver.url("/status/503"),
                                            extra: "disable_after: 1h\nretry: { schedule: [30m, 30m, 30m] }")
        let deliverer = makeDeliverer(store, endpoints: [endpoint], clock: clock)
        let job = try await deliveryJob(store, endpoint: "flapping", now: clock.now())
        #expect(try await deliverer.run(context(job)).retryDelay == .seconds(1800))
        clock.advance(by: .seconds(1800))
        #expect(try await deliverer.run(context(job)).retryDelay == .seconds(1800))
        #expect(try await store.webhookEndpointStates()["flapping"]?.enabled == true, "30 minutes of failures is not enough")
        clock.advance(by: .seconds(1800))
        _ = try? await deliverer.run(context(job))
        #expect(try await store.webhookEndpointStates()["flapping"]?.enabled == false)
        let disabled = try await store.database.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM events WHERE name = 'endpoint.disabled'") }
        #expect(disabled == 1)
    }

    @Test func retryAfterIsHonouredWithinTheScheduledWindowAndTheCap() throws {
        let rules = WebhookRetryRules(endpoint: try loopbackEndpoint("x", url: "http://127.0.0.1/"))
        #expect(rules.honour(.seconds(10), scheduled: .seconds(60)) == .seconds(60))
        #expect(rules.honour(.seconds(90), scheduled: .seconds(60)) == .seconds(90))
        #expect(rules.honour(.seconds(500), scheduled: .seconds(60)) == .seconds(120))
        #expect(rules.honour(.seconds(200_000), scheduled: .seconds(50000)) == .seconds(86400))
        let now = try Date("2015-10-21T07:27:00Z", strategy: .iso8601)
        #expect(WebhookRetryRules.parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT", now: now) == .seconds(60))
        #expect(WebhookRetryRules.parseRetryAfter("120", now: now) == .seconds(120))
        #expect(WebhookRetryRules.parseRetryAfter("soon", now: now) == nil)
    }
}

extension WebhookRetryTests {
    /// A given-up delivery, redelivered: a fresh round of the schedule, the same webhook-id.
    @Test func aRedeliveryStartsAFreshRoundWithTheSameMessageID() async throws {
        let store = try SQLiteDatabaseTrait.store().store
        let receiver = try await WebhookReceiver()
        let endpoint = try loopbackEndpoint("later", url: receiver.url("/seq/503,503,503,200"), extra: "retry: { schedule: [5s] }")
        let deliverer = makeDeliverer(store, endpoints: [endpoint], clock: clock)
        let job = try await deliveryJob(store, endpoint: "later", now: clock.now())
        #expect(try await deliverer.run(context(job)).retryDelay == .seconds(5))
        await #expect(throws: JobPermanentError.self) { try await deliverer.run(context(job)) }

        let id = try #require(try await storedDeliveries(store).first?["id"] as Int64?)
        _ = try await store.webhookRedeliver(ids: [id], now: clock.now())
        let args = try #require(try await store.database.read { db in try String.fetchOne(db, sql: "SELECT args FROM jobs WHERE kind = 'webhook_delivery'") })
        var redelivery = job
        redelivery.args = args
        #expect(try await deliverer.run(context(redelivery)).retryDelay == .seconds(5), "the round starts again at the first delay")
        #expect(try await deliverer.run(context(redelivery)) == .completed)
        let requests = try await receiver.waitForRequests(4)
        #expect(Set(requests.map(\.id)).count == 1)
        #expect(try await storedAttempts(store).map { $0["attempt"] as Int } == [1, 2, 3, 4])
    }
}

extension WebhookRetryTests {
    /// Full jitter may draw a delay near zero; `Retry-After` is bounded by twice the un-jittered
    /// ceiling, not twice the draw.
    @Test func retryAfterWithJitterIsBoundedByTheCeilingNotTheDraw() async throws {
        let endpoint = try loopbackEndpoint("jittery", url: "http://127.0.0.1/", extra: "retry: { base: 60s, cap: 1h }")
        let rules = WebhookRetryRules(endpoint: endpoint)
        #expect(rules.ceiling(afterAttempt: 1) == .seconds(60))
        #expect(rules.ceiling(afterAttempt: 3) == .seconds(240))
        #expect(rules.ceiling(afterAttempt: 40) == .seconds(3600))
        var lowDraw = LowestDraw()
        let response = HTTPResponse(status: 429, headers: [(name: "Retry-After", value: "100")], bodyExcerpt: "", latency: .zero)
        let verdict = rules.verdict(.response(response), roundAttempt: 1, now: clock.now(), using: &lowDraw)
        #expect(verdict == .retry(after: .seconds(100)), "the receiver's 100 s stands although the jittered delay was 0")
        #expect(rules.honour(.seconds(500), scheduled: .seconds(1), ceiling: .seconds(60)) == .seconds(120))
    }
}

/// Makes every bounded draw zero (a constant 0 would make bounded draws retry forever), so
/// full jitter picks the shortest delay.
struct LowestDraw: RandomNumberGenerator {
    mutating func next() -> UInt64 { 1 }
}
