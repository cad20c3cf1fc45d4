import Foundation
import GRDB
import Logging
import StewardCore
import StewardSQLite
import StewardTesting
import Testing

@Suite("Event dispatch", .sqliteDatabase)
struct EventDispatcherTests {
    let clock = ManualClock()

    func dispatcher(_ store: SQLiteJobStore, _ routes: [EventRoute]) -> EventDispatcher {
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        return EventDispatcher(store: store, routes: routes, clock: clock, logger: logger)
    }

    let welcome = EventRoute(name: "trigger:welcome:0", event: "opportunity.created", job: NewJob(kind: "noop", args: #"{"template":"welcome"}"#))

    @Test func anEventBecomesItsSubscribersJobsExactlyOnceAcrossDispatchers() async throws {
        let test = try SQLiteDatabaseTrait.store()
        let other = try SQLiteJobStore.open(path: test.path)
        let id = try await test.store.recordEvent("opportunity.created", payload: #"{"opportunity_id": 7}"#, now: clock.now())
        _ = try await test.store.recordEvent("import.completed", now: clock.now())
        let first = dispatcher(test.store, [welcome]), second = dispatcher(other, [welcome])
        async let a = first.dispatchPending()
        async let b = second.dispatchPending()
        #expect(await a + b == 2, "each event dispatched by exactly one dispatcher")
        #expect(await first.dispatchPending() == 0)
        let jobs = try await test.store.jobList(JobListParams())
        #expect(jobs.count == 1)
        #expect(jobs.first?.uniqueKey == "event:\(id):trigger:welcome:0")
        let args = try JSONSerialization.jsonObject(with: Data(try #require(jobs.first?.args).utf8)) as? [String: Any]
        #expect(args?["template"] as? String == "welcome")
        #expect(((args?["event"] as? [String: Any])?["payload"] as? [String: Any])?["opportunity_id"] as? Int == 7)
        #expect(try await test.store.eventsUndispatched(limit: 10).isEmpty)
    }

    /// A route's job that leaves max attempts open gets its kind's, as an enqueue would.
    @Test func routeJobsTakeTheirKindsMaxAttempts() async throws {
        let store = try SQLiteDatabaseTrait.store().store
        let kind = JobKind(name: "noop", retryPolicy: RetryPolicy(maxAttempts: 3, backoff: .schedule([.seconds(1)]))) { _ in .completed }
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        let dispatcher = EventDispatcher(store: store, routes: [welcome], clock: clock, registry: JobRegistry([kind]), logger: logger)
        _ = try await store.recordEvent("opportunity.created", now: clock.now())
        #expect(await dispatcher.dispatchPending() == 1)
        #expect(try await store.jobList(JobListParams()).map(\.maxAttempts) == [3])
    }

    @Test func anEventRecordedInARolledBackTransactionNeverExists() async throws {
        let store = try SQLiteDatabaseTrait.store().store
        struct Rollback: Error {}
        _ = try? await store.database.write { db in
            try store.recordEvent("opportunity.created", in: db, now: clock.now())
            throw Rollback()
        }
        #expect(try await store.eventsUndispatched(limit: 10).isEmpty)
    }

    @Test func recordingAnEventWakesTheRunningDispatcher() async throws {
        let store = try SQLiteDatabaseTrait.store().store
        let dispatcher = dispatcher(store, [welcome])
        let ran = Wakeup()
        store.notifications.subscribe(queue: "default", ran)
        let running = Task { try await dispatcher.run() }
        try await store.database.write { db in
            // A business row of the caller's own, beside the event.
            try db.execute(sql: "CREATE TABLE orders (id INTEGER PRIMARY KEY); INSERT INTO orders (id) VALUES (7)")
            try store.recordEvent("opportunity.created", in: db, now: clock.now())
        }
        await ran.wait()  // the trigger's job was enqueued (no clock advance: no polling)
        running.cancel()
        #expect(try await store.jobList(JobListParams()).map(\.kind) == ["noop"])
    }
}
