import Foundation

/// Enqueues jobs after checking their kind against the registry and filling in the kind's
/// defaults. Transactional enqueue alongside other writes is the store's (see
/// `SQLiteJobStore.enqueue(_:in:now:)`).
public struct JobClient: Sendable {
    public let store: any JobStore
    public let registry: JobRegistry
    public let clock: any JobClock

    public init(store: any JobStore, registry: JobRegistry, clock: any JobClock = SystemClock()) {
        self.store = store
        self.registry = registry
        self.clock = clock
    }

    @discardableResult
    public func enqueue(_ job: NewJob) async throws -> InsertResult {
        try await enqueueMany([job])[0]
    }

    public func enqueueMany(_ jobs: [NewJob]) async throws -> [InsertResult] {
        let prepared = try jobs.map(registry.prepare)
        return try await store.jobInsertMany(prepared, now: clock.now())
    }
}
