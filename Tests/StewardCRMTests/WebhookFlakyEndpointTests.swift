import Foundation
import GRDB
import StewardCore
@testable import StewardCRM
import StewardSQLite
import StewardTesting
import Testing

/// An endpoint that answers fast but fails a random 30 % of requests is flaky, not dead: its
/// retries go out on their schedule. The manual clock stands in for the pool's timers: every
/// job due at a time runs then, all at once, and a snoozed one comes back when it asked to.
@Suite("A flaky endpoint", .crmDatabase)
struct WebhookFlakyEndpointTests {
    let clock = ManualClock()

    @Test func everyRetryGoesOutWithinASecondOfTheTimeShown() async throws {
        let store = try SQLiteDatabaseTrait.store().store
        let receiver = try await WebhookReceiver()
        let endpoint = try loopbackEndpoint("flaky", url: receiver.url("/flaky/30"),
                                            extra: "concurrency: 4\nretry: { schedule: [1s, 2s, 4s, 8s, 16s, 32s, 64s] }")
        let deliverer = makeDeliverer(store, endpoints: [endpoint], clock: clock)
        var due: [(at: Date, job: Job)] = []
        for _ in 0..<150 { due.append((clock.now(), try await deliveryJob(store, endpoint: "flaky", now: clock.now()))) }
        while let next = due.map(\.at).min() {
            clock.advance(to: next)
            let batch = due.filter { $0.at == next }.map(\.job)
            due.removeAll { $0.at == next }
            for (job, result) in try await runAll(batch, deliverer) {
                if let delay = result.comesBackAfter { due.append((next.adding(delay), job)) }
            }
        }
        let statuses = try await storedDeliveries(store).map { $0["status"] as String }
        #expect(statuses.count == 150 && statuses.allSatisfy { $0 == "delivered" })
        let lateness = try await store.database.read { db in
            try Double.fetchAll(db, sql: """
                SELECT a.attempted_at - p.next_attempt_at FROM webhook_attempts a
                JOIN webhook_attempts p ON p.delivery_id = a.delivery_id AND p.attempt = a.attempt - 1
                """)
        }
        #expect(lateness.count > 30, "the endpoint failed often enough to retry")
        #expect(lateness.allSatisfy { $0 >= 0 }, "no retry before its time")
        #expect(lateness.max() ?? 0 <= 1, "no retry more than a second after the time shown: \(lateness.max() ?? 0) s")
    }

    private func runAll(_ jobs: [Job], _ deliverer: WebhookDeliverer) async throws -> [(Job, JobResult)] {
        try await withThrowingTaskGroup(of: (Job, JobResult).self) { group in
            for job in jobs { group.addTask { (job, try await deliverer.run(context(job))) } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
    }
}
