import Foundation
import GRDB
import StewardCore
import StewardCRM
import StewardSQLite
import StewardTesting
import Testing

/// The worker pool with the real kind: a dead endpoint (every request hangs) is queued first
/// and has more deliveries than there are workers, yet a healthy endpoint's deliveries all
/// arrive while the dead one's first request is still hanging.
@Suite("Webhook isolation", .crmDatabase)
struct WebhookIsolationTests {
    @Test func aDeadEndpointDoesNotDelayAHealthyOne() async throws {
        let store = try SQLiteDatabaseTrait.store().store
        let receiver = try await WebhookReceiver()
        let dead = try loopbackEndpoint("dead", url: receiver.url("/hang"), extra: "timeout: 60s\nconcurrency: 1")
        let healthy = try loopbackEndpoint("healthy", url: receiver.url("/ok"))
        let deliverer = makeDeliverer(store, endpoints: [dead, healthy], clock: SystemClock())
        let client = JobClient(store: store, registry: JobRegistry([WebhookDeliveryKind.make(deliverer: deliverer)]))
        for _ in 0..<6 { _ = try await client.enqueue(NewJob(kind: WebhookDeliveryKind.name, args: try await eventArgs(store, "dead"), queue: "webhooks")) }
        for _ in 0..<6 { _ = try await client.enqueue(NewJob(kind: WebhookDeliveryKind.name, args: try await eventArgs(store, "healthy"), queue: "webhooks")) }

        let pool = try PoolHarness(store: store, kinds: [WebhookDeliveryKind.make(deliverer: deliverer)], clock: SystemClock()) {
            $0.queues = ["webhooks": 3]
            $0.shutdownGrace = .milliseconds(50)
        }
        let arrived = try await receiver.waitForRequests(6, path: "/ok")
        #expect(arrived.count == 6)
        #expect(receiver.requests.filter { $0.path == "/hang" }.count == 1, "the dead endpoint holds one request at a time")
        let deadAttempts = try await store.database.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM webhook_attempts JOIN webhook_deliveries d ON d.id = delivery_id WHERE d.endpoint = 'dead'")
        }
        #expect(deadAttempts == 0, "every healthy delivery arrived while the dead endpoint's first request still hung")
        try await pool.stop()
    }

    private func eventArgs(_ store: SQLiteJobStore, _ endpoint: String) async throws -> String {
        try await deliveryJob(store, endpoint: endpoint, now: Date()).args
    }
}
