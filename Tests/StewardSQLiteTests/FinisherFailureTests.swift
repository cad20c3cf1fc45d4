import Foundation
import StewardCore
import StewardSQLite
import StewardTesting
import Synchronization
import Testing

/// The real SQLite store, except that the first outcome writes fail (a lock held too long by
/// another process, say).
final class FailingFinishStore: JobStore {
    let store: SQLiteJobStore
    private let failuresLeft: Mutex<Int>

    init(_ store: SQLiteJobStore, failures: Int) {
        self.store = store
        failuresLeft = Mutex(failures)
    }

    struct DatabaseBusy: Error {}

    var notifications: JobNotifications { store.notifications }
    func jobFinishMany(_ finishes: [JobFinish], now: Date, hooks: JobGiveUpHooks) async throws -> Set<JobID> {
        let fail = failuresLeft.withLock { left in
            defer { left = max(0, left - 1) }
            return left > 0
        }
        if fail { throw DatabaseBusy() }
        return try await store.jobFinishMany(finishes, now: now, hooks: hooks)
    }
    func jobInsertMany(_ jobs: [NewJob], now: Date) async throws -> [InsertResult] { try await store.jobInsertMany(jobs, now: now) }
    func jobClaim(_ params: JobClaimParams) async throws -> [Job] { try await store.jobClaim(params) }
    func jobHeartbeat(_ leases: [Lease], expiresAt: Date) async throws -> Set<JobID> { try await store.jobHeartbeat(leases, expiresAt: expiresAt) }
    func jobRescueExpired(now: Date, limit: Int, hooks: JobGiveUpHooks, decide: @Sendable (Job) -> JobOutcome) async throws -> [RescuedJob] {
        try await store.jobRescueExpired(now: now, limit: limit, hooks: hooks, decide: decide)
    }
    func jobNextRunAt(queue: String) async throws -> Date? { try await store.jobNextRunAt(queue: queue) }
    func jobPrune(_ params: JobPruneParams) async throws -> Int { try await store.jobPrune(params) }
    func watchForeignCommits(every interval: Duration, clock: some JobClock) async throws { try await store.watchForeignCommits(every: interval, clock: clock) }
    func jobGet(id: JobID) async throws -> Job? { try await store.jobGet(id: id) }
    func jobList(_ params: JobListParams) async throws -> [Job] { try await store.jobList(params) }
    func jobRetry(id: JobID, now: Date) async throws -> Job { try await store.jobRetry(id: id, now: now) }
    func jobCancel(id: JobID, now: Date, hooks: JobGiveUpHooks) async throws -> Job { try await store.jobCancel(id: id, now: now, hooks: hooks) }
    func jobCountByState() async throws -> [JobCount] { try await store.jobCountByState() }
    func queueStats(now: Date, window: Duration) async throws -> [QueueStats] { try await store.queueStats(now: now, window: window) }
    func queuePause(_ params: QueuePauseParams) async throws -> QueuePause { try await store.queuePause(params) }
    func queueResume(_ queue: String) async throws -> Bool { try await store.queueResume(queue) }
    func queuePauses(now: Date) async throws -> [QueuePause] { try await store.queuePauses(now: now) }
    func jobMinutesPrune(before cutoff: Date) async throws -> Int { try await store.jobMinutesPrune(before: cutoff) }
    func processBeat(_ process: WorkerProcess) async throws { try await store.processBeat(process) }
    func processGone(owner: String) async throws { try await store.processGone(owner: owner) }
    func processes(seenSince since: Date) async throws -> [WorkerProcess] { try await store.processes(seenSince: since) }
    func processPrune(seenBefore cutoff: Date) async throws -> Int { try await store.processPrune(seenBefore: cutoff) }
    func jobMinuteBuckets(from: Date, to: Date, queue: String?, bucket: Duration) async throws -> [JobMinute] {
        try await store.jobMinuteBuckets(from: from, to: to, queue: queue, bucket: bucket)
    }
}

@Suite("Outcome writes that fail", .sqliteDatabase)
struct FinisherFailureTests {
    @Test func aFailedOutcomeWriteIsRetriedWhileTheJobKeepsItsLease() async throws {
        let real = try SQLiteDatabaseTrait.store().store
        let store = FailingFinishStore(real, failures: 1)
        let clock = ManualClock()
        let ran = TestSignal<Void>()
        let pool = try PoolHarness(store: store, kinds: [JobKind(name: "k") { _ in ran.fire(); return .completed }], clock: clock)
        let id = try await real.jobInsertMany([NewJob(kind: "k")], now: clock.now())[0].job.id
        _ = await ran.next()
        // The first write failed; the finisher backs off 200 ms on the clock, then writes again.
        await clock.advanceWhenParked(until: clock.now().adding(.milliseconds(200)))
        try await pool.stop()
        let job = try #require(try await real.jobGet(id: id))
        #expect(job.state == .completed)
        #expect(job.attempt == 1, "ran once: the outcome was kept, not the job rerun")
    }
}
