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

    /// Many jobs, checked first (all or none is refused), then inserted `batchSize` per
    /// transaction, so a large load never holds the write lock for long.
    public func enqueueInBatches(_ jobs: [NewJob], batchSize: Int = 1000) async throws -> [InsertResult] {
        let prepared = try jobs.map(registry.prepare)
        var results: [InsertResult] = []
        results.reserveCapacity(prepared.count)
        for start in stride(from: 0, to: prepared.count, by: max(batchSize, 1)) {
            results += try await store.jobInsertMany(Array(prepared[start..<min(start + batchSize, prepared.count)]), now: clock.now())
        }
        return results
    }
}
