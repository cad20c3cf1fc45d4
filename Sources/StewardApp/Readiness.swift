public import Foundation
public import StewardCore
public import StewardSQLite

/// Whether this Steward can do its work now: the database takes writes, its schema is the one
/// this build knows, workers are alive (no lease left expired long after it ran out), and no
/// queue's oldest available job has waited longer than `maxLag`. What `/ready` answers.
public struct Readiness: Sendable {
    public struct Check: Sendable, Equatable {
        public var name: String
        public var ok: Bool
        public var detail: String
    }

    public let store: SQLiteJobStore
    public let clock: any JobClock
    public var maxLag: Duration
    /// How long past its expiry a lease may stand before the workers count as gone.
    public var leaseGrace: Duration

    public init(store: SQLiteJobStore, clock: any JobClock, maxLag: Duration = .seconds(300), leaseGrace: Duration = .seconds(60)) {
        self.store = store
        self.clock = clock
        self.maxLag = maxLag
        self.leaseGrace = leaseGrace
    }

    public func check() async -> [Check] {
        let now = clock.now()
        return [
            await run("database") { try await store.probeWritable(); return "writable" },
            await run("migrations") { try await migrations() },
            await run("workers") { try await workers(now: now) },
            await run("queues") { try await lag(now: now) },
        ]
    }

    private func run(_ name: String, _ body: () async throws -> String) async -> Check {
        do {
            return Check(name: name, ok: true, detail: try await body())
        } catch let error as StewardError {
            return Check(name: name, ok: false, detail: error.message)
        } catch {
            return Check(name: name, ok: false, detail: "\(error)")
        }
    }

    private func migrations() async throws -> String {
        let drift = try await store.schemaDrift(schema: StewardStore.schema)
        if let first = drift.missing.first { throw StewardError(.databaseNeedsMigration, "\(drift.missing.count) migrations not applied (\(first) …)") }
        if let first = drift.unknown.first { throw StewardError(.databaseTooNew, "a newer Steward migrated the database (\(first))") }
        return "current"
    }

    private func workers(now: Date) async throws -> String {
        let stale = try await store.expiredLeaseCount(before: now.addingTimeInterval(-leaseGrace.timeInterval))
        guard stale == 0 else {
            throw StewardError(.invalidTransition, "\(stale) running jobs' leases expired over \(Int(leaseGrace.timeInterval))s ago: no worker is heartbeating or rescuing them")
        }
        return "no stale leases"
    }

    private func lag(now: Date) async throws -> String {
        let stats = try await store.queueStats(now: now, window: .seconds(60))
        let paused = Set(try await store.queuePauses(now: now).map(\.queue))
        let behind = stats.filter { !paused.contains($0.queue) && $0.lag(at: now) > maxLag.timeInterval }
        guard behind.isEmpty else {
            let names = behind.map { "\($0.queue) (\(Int($0.lag(at: now)))s)" }.joined(separator: ", ")
            throw StewardError(.invalidTransition, "oldest available job older than \(Int(maxLag.timeInterval))s in \(names)")
        }
        return "lag under \(Int(maxLag.timeInterval))s"
    }
}
