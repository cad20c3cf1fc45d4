import Foundation
import Logging
import StewardCore

extension JobStoreConformance {
    /// Events, schedules and transactional enqueue: run with a `ConformanceSubject`.
    public static let storeCases: [StoreConformanceCase] = [
        StoreConformanceCase(name: "an event is dispatched exactly once by competing dispatchers") { subject, clock in
            try await subject.recordEvent("opportunity.created", #"{"opportunity_id": 7}"#, clock.now())
            let route = EventRoute(name: "trigger:welcome:0", event: "opportunity.created", job: NewJob(kind: "noop", maxAttempts: 3))
            var logger = Logger(label: "steward.conformance")
            logger.logLevel = .critical
            let dispatchers = (0..<4).map { _ in EventDispatcher(store: subject.store, routes: [route], clock: clock, logger: logger) }
            let dispatched = await withTaskGroup(of: Int.self) { group in
                for dispatcher in dispatchers { group.addTask { await dispatcher.dispatchPending() } }
                return await group.reduce(0, +)
            }
            try expectEqual(dispatched, 1, "dispatchers that dispatched the event")
            try expectEqual(try await subject.store.jobList(JobListParams()).map(\.kind), ["noop"], "jobs the event made")
            try expectEqual(try await subject.store.eventsUndispatched(limit: 10).count, 0, "events left undispatched")
        },
        StoreConformanceCase(name: "a schedule tick is recorded once, however often it is offered") { subject, clock in
            let tick = clock.now()
            let job = NewJob(kind: "noop", maxAttempts: 3, uniqueKey: "schedule:nightly:\(tick.timeIntervalSince1970)")
            let first = try await subject.store.scheduleRecordTicks(name: "nightly", lastTick: tick, jobs: [job], replacing: false, now: clock.now())
            let again = try await subject.store.scheduleRecordTicks(name: "nightly", lastTick: tick, jobs: [job], replacing: false, now: clock.now())
            try expectEqual(first.map(\.inserted), [true], "the first offer inserts the tick's job")
            try expectTrue(again.allSatisfy { !$0.inserted }, "the second offer inserts nothing")
            try expectEqual(try await subject.store.jobList(JobListParams()).count, 1, "jobs for the tick")
            try expectEqual(try await subject.store.scheduleLastTick(name: "nightly"), tick, "the recorded tick")
        },
        StoreConformanceCase(name: "a transactional enqueue rolls back with its business rows") { subject, clock in
            try? await subject.enqueueWithBusinessRow([NewJob(kind: "noop", maxAttempts: 3)], true, clock.now())
            try expectEqual(try await subject.store.jobList(JobListParams()).count, 0, "jobs after the rollback")
            try expectEqual(try await subject.businessRows(), 0, "business rows after the rollback")
            try await subject.enqueueWithBusinessRow([NewJob(kind: "noop", maxAttempts: 3)], false, clock.now())
            try expectEqual(try await subject.store.jobList(JobListParams()).count, 1, "jobs after the commit")
            try expectEqual(try await subject.businessRows(), 1, "business rows after the commit")
        },
    ]
}
