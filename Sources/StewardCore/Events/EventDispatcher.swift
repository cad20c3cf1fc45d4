import Foundation
public import Logging
public import ServiceLifecycle
import Synchronization

/// Turns recorded events into jobs, in order, each event exactly once: marking it dispatched and
/// inserting its jobs happen in one transaction, so a crash leaves it undispatched (and it is
/// done again, whole) and a second dispatcher finds it taken.
public final class EventDispatcher: Service, Sendable {
    private let store: any EventStore & JobQueueStore
    private let routes: Mutex<[String: [EventRoute]]>
    private let clock: any JobClock
    private let logger: Logger
    private let wakeup = Wakeup()
    private let pollInterval: Duration
    /// Fills in the kinds' defaults (max attempts) the routes' jobs leave open.
    private let registry: JobRegistry

    public init(store: any EventStore & JobQueueStore, routes: [EventRoute], clock: any JobClock = SystemClock(),
                pollInterval: Duration = .seconds(5), registry: JobRegistry = JobRegistry(), logger: Logger) {
        self.store = store
        self.registry = registry
        self.routes = Mutex(Dictionary(grouping: routes, by: \.event))
        self.clock = clock
        self.pollInterval = pollInterval
        self.logger = logger
        store.notifications.subscribe(queue: store.eventNotificationQueue, wakeup)
    }

    public func update(_ routes: [EventRoute]) {
        self.routes.withLock { $0 = Dictionary(grouping: routes, by: \.event) }
    }

    public func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                await self.dispatchPending()
                await self.wakeup.wait(until: self.clock.now().adding(self.pollInterval), clock: self.clock)
            }
        }
    }

    /// Dispatches every undispatched event; returns how many this call dispatched.
    @discardableResult
    public func dispatchPending() async -> Int {
        var dispatched = 0
        do {
            while true {
                let events = try await store.eventsUndispatched(limit: 100)
                for event in events where try await dispatch(event) { dispatched += 1 }
                if events.count < 100 { return dispatched }
            }
        } catch {
            logger.error("event dispatch failed; will try again", metadata: ["error": "\(error)"])
            return dispatched
        }
    }

    private func dispatch(_ event: DomainEvent) async throws -> Bool {
        let jobs = (routes.withLock { $0[event.name] } ?? []).map { registry.withKindDefaults($0.job(for: event)) }
        guard let results = try await store.eventDispatch(event, jobs: jobs, now: clock.now()) else { return false }
        logger.debug("event dispatched", metadata: ["event": "\(event.id)", "name": "\(event.name)", "jobs": "\(results.map(\.job.id))"])
        return true
    }
}
