import Foundation
import MetricsTestKit
import StewardCore
import StewardSQLite
import StewardTesting
import Testing

/// The pool against a real SQLite file. The clock is manual and the poll interval an hour, so
/// every job that runs was started by a wake-up, never by polling.
@Suite("Worker pool", .sqliteDatabase)
struct WorkerPoolTests {
    let clock = ManualClock()

    func store() throws -> SQLiteJobStore { try SQLiteDatabaseTrait.store().store }

    func enqueue(_ store: SQLiteJobStore, _ jobs: NewJob...) async throws -> [JobID] {
        try await store.jobInsertMany(jobs, now: clock.now()).map(\.job.id)
    }

    @Test func anEnqueuedJobWakesAnIdleWorker() async throws {
        let store = try store()
        let ran = TestSignal<JobID>()
        let pool = try PoolHarness(store: store, kinds: [JobKind(name: "k") { ran.fire($0.job.id); return .completed }], clock: clock)
        let id = try await enqueue(store, NewJob(kind: "k"))[0]
        #expect(await ran.next() == id)
        try await pool.stop()
        #expect(try await store.jobGet(id: id)?.state == .completed)
    }

    /// The jitter comes from the injected random source: one that always draws its largest
    /// value makes an exponential backoff's delay exactly its ceiling.
    @Test func backoffJitterDrawsFromTheInjectedRandomSource() async throws {
        struct Largest: JobRandom { func next() -> UInt64 { .max } }
        let store = try store()
        let ran = TestSignal<Void>()
        let kind = JobKind(name: "flaky", retryPolicy: RetryPolicy(maxAttempts: 3, backoff: .exponential(base: .seconds(100), cap: .seconds(1000)))) { _ in
            ran.fire()
            throw RetryableTestError(message: "fails")
        }
        let pool = try PoolHarness(store: store, kinds: [kind], clock: clock, random: Largest())
        let failedAt = clock.now()
        let id = try await enqueue(store, NewJob(kind: "flaky"))[0]
        _ = await ran.next()
        try await pool.stop()
        let job = try #require(try await store.jobGet(id: id))
        #expect(job.state == .retryable)
        #expect(abs(job.runAt.timeIntervalSince(failedAt) - 100) < 0.001, "the largest draw: the whole first backoff, \(job.runAt.timeIntervalSince(failedAt)) s")
    }

    @Test func aFailedJobIsRetriedAtItsBackoffTime() async throws {
        let store = try store()
        let attempts = TestSignal<Int>()
        let kind = JobKind(name: "flaky", retryPolicy: RetryPolicy(maxAttempts: 3, backoff: .schedule([.seconds(10)]))) { context in
            attempts.fire(context.job.attempt)
            if context.job.attempt == 1 { throw RetryableTestError(message: "first try fails") }
            return .completed
        }
        let pool = try PoolHarness(store: store, kinds: [kind], clock: clock)
        let failedAt = clock.now()
        let id = try await enqueue(store, NewJob(kind: "flaky"))[0]
        #expect(await attempts.next() == 1)
        await clock.advanceWhenParked(until: failedAt.adding(.seconds(10)))
        #expect(await attempts.next() == 2)
        try await pool.stop()
        let job = try #require(try await store.jobGet(id: id))
        #expect(job.state == .completed)
        #expect(job.errors.map(\.message) == ["first try fails"])
    }

    @Test func permanentErrorsDiscardAndSnoozeDoesNotSpendAnAttempt() async throws {
        let store = try store()
        let done = TestSignal<JobID>()
        let kinds = [
            JobKind(name: "bad") { context in
                defer { done.fire(context.job.id) }
                throw JobPermanentError("row 3: email missing")
            },
            JobKind(name: "busy") { context in
                defer { done.fire(context.job.id) }
                return context.job.args == "{}" ? .snooze(.seconds(3600)) : .completed
            },
        ]
        let pool = try PoolHarness(store: store, kinds: kinds, clock: clock)
        let ids = try await enqueue(store, NewJob(kind: "bad", maxAttempts: 5), NewJob(kind: "busy"))
        _ = await done.next()
        _ = await done.next()
        try await pool.stop()
        let bad = try #require(try await store.jobGet(id: ids[0]))
        let busy = try #require(try await store.jobGet(id: ids[1]))
        #expect(bad.state == .discarded && bad.attempt == 1)
        #expect(busy.state == .scheduled && busy.attempt == 0)
        #expect(busy.runAt == clock.now().adding(.seconds(3600)))
    }

    @Test func aTimedOutAttemptIsCancelledAndRetried() async throws {
        let store = try store()
        let started = TestSignal<Void>()
        let cancelled = TestSignal<Void>()
        let kind = JobKind(name: "slow", retryPolicy: RetryPolicy(maxAttempts: 2, backoff: .schedule([.seconds(3600)])), timeout: .seconds(5)) { _ in
            started.fire()
            do { try await suspendUntilCancelled() } catch { cancelled.fire(); throw error }
            return .completed
        }
        let pool = try PoolHarness(store: store, kinds: [kind], clock: clock)
        let startedAt = clock.now()
        let id = try await enqueue(store, NewJob(kind: "slow"))[0]
        _ = await started.next()
        await clock.advanceWhenParked(until: startedAt.adding(.seconds(5)))
        _ = await cancelled.next()
        try await pool.stop()
        let job = try #require(try await store.jobGet(id: id))
        #expect(job.state == .retryable)
        #expect(job.errors.map(\.message) == ["timed out"])
    }

    @Test func shutdownLetsRunningJobsFinishWithinGrace() async throws {
        let store = try store()
        let started = TestSignal<Void>()
        let gate = TestSignal<Void>()
        let kind = JobKind(name: "k") { _ in
            started.fire()
            _ = await gate.next()
            return .completed
        }
        let pool = try PoolHarness(store: store, kinds: [kind], clock: clock) { $0.shutdownGrace = .seconds(3600) }
        let id = try await enqueue(store, NewJob(kind: "k"))[0]
        _ = await started.next()
        pool.pool.stop()
        gate.fire()
        try await pool.stop()
        #expect(try await store.jobGet(id: id)?.state == .completed)
    }

    @Test func shutdownReturnsUnfinishedJobsWithoutSpendingTheAttempt() async throws {
        let store = try store()
        let started = TestSignal<Void>()
        let kind = JobKind(name: "k") { _ in
            started.fire()
            try await suspendUntilCancelled()
            return .completed
        }
        let pool = try PoolHarness(store: store, kinds: [kind], clock: clock) { $0.shutdownGrace = .seconds(10) }
        let id = try await enqueue(store, NewJob(kind: "k"))[0]
        _ = await started.next()
        let stoppedAt = clock.now()
        pool.pool.stop()
        await clock.advanceWhenParked(until: stoppedAt.adding(.seconds(10)))
        try await pool.stop()
        let job = try #require(try await store.jobGet(id: id))
        #expect(job.state == .available)
        #expect(job.attempt == 0)
        #expect(job.errors.isEmpty)
    }

    @Test func cancellingARunningJobStopsItsHandlerAtTheNextHeartbeat() async throws {
        let store = try store()
        let started = TestSignal<Void>()
        let cancelled = TestSignal<Void>()
        let kind = JobKind(name: "k") { _ in
            started.fire()
            do { try await suspendUntilCancelled() } catch { cancelled.fire(); throw error }
            return .completed
        }
        let pool = try PoolHarness(store: store, kinds: [kind], clock: clock)
        let startedAt = clock.now()
        let id = try await enqueue(store, NewJob(kind: "k"))[0]
        _ = await started.next()
        _ = try await store.jobCancel(id: id, now: clock.now())
        await clock.advanceWhenParked(until: startedAt.adding(PoolHarness.heartbeatInterval))
        _ = await cancelled.next()
        try await pool.stop()
        #expect(try await store.jobGet(id: id)?.state == .cancelled)
    }

    @Test func anotherProcessesEnqueueIsNoticed() async throws {
        let test = try SQLiteDatabaseTrait.store()
        let ran = TestSignal<JobID>()
        let pool = try PoolHarness(store: test.store, kinds: [JobKind(name: "k") { ran.fire($0.job.id); return .completed }], clock: clock)
        // A second store on the same file has its own connections and notifications, as
        // another process would: only the foreign-commit watcher can tell the pool.
        let other = try SQLiteJobStore.open(path: test.path)
        let watchStart = clock.now()
        let id = try await other.jobInsertMany([NewJob(kind: "k")], now: clock.now())[0].job.id
        await clock.advanceWhenParked(until: watchStart.adding(.milliseconds(50)))
        #expect(await ran.next() == id)
        try await pool.stop()
    }

    @Test func drainReturnsWhenNothingIsRunnableAndLeavesFutureJobs() async throws {
        let store = try store()
        let ids = try await enqueue(store, NewJob(kind: "noop"), NewJob(kind: "noop"), NewJob(kind: "noop", runAt: clock.now().addingTimeInterval(60)))
        let pool = try PoolHarness(store: store, kinds: [BuiltinKinds.noop], clock: clock) { $0.drain = true }
        try await pool.finished()
        let states = try await ids.asyncMap { try await store.jobGet(id: $0)?.state }
        #expect(states == [.completed, .completed, .scheduled])
        #expect(pool.pool.outcomeCounts == [.completed: 2])
    }

    /// A drain ends the pool, not a queue: work one queue hands to another still runs, even
    /// though the other queue had nothing when the pool started.
    @Test func drainWaitsForWorkHandedToAnotherQueue() async throws {
        let store = try store()
        let clock = clock
        let handOff = JobKind(name: "hand_off") { _ in
            _ = try await store.jobInsertMany([NewJob(kind: "noop", queue: "second")], now: clock.now())
            return .completed
        }
        let first = try await enqueue(store, NewJob(kind: "hand_off", queue: "first"))[0]
        let pool = try PoolHarness(store: store, kinds: [handOff, BuiltinKinds.noop], clock: clock) {
            $0.drain = true
            $0.queues = ["first": 1, "second": 1]
        }
        try await pool.finished()
        let jobs = try await store.jobList(JobListParams(limit: 10))
        #expect(jobs.count == 2)
        #expect(jobs.allSatisfy { $0.state == .completed }, "\(jobs.map { ($0.id, $0.queue, $0.state) }) (first: \(first))")
    }

    @Test func metricsCountOutcomesAndTimeRuns() async throws {
        let store = try store()
        let metrics = TestMetrics()
        _ = try await enqueue(store, NewJob(kind: "noop"), NewJob(kind: "noop"))
        let pool = try PoolHarness(store: store, kinds: [BuiltinKinds.noop], clock: clock, configure: { $0.drain = true }, metricsFactory: metrics)
        try await pool.finished()
        let finished = try metrics.expectCounter("steward_jobs_finished_total", [("queue", "default"), ("kind", "noop"), ("outcome", "completed")])
        #expect(finished.totalValue == 2)
        #expect(try metrics.expectTimer("steward_job_run_seconds", [("queue", "default"), ("kind", "noop")]).values.count == 2)
    }
}

/// An ordinary (retryable) failure with a fixed message.
struct RetryableTestError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

extension Array {
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var results: [T] = []
        for element in self { results.append(try await transform(element)) }
        return results
    }
}

/// A pool lists itself (host, pid, queues, its running jobs) before it claims anything, and
/// leaves the list when it stops.
@Suite("Worker processes", .sqliteDatabase)
struct WorkerProcessTests {
    @Test func aRunningPoolIsListedWithItsRunningJobsAndLeavesWhenStopped() async throws {
        let clock = ManualClock()
        let store = try SQLiteDatabaseTrait.store().store
        let started = TestSignal<Void>()
        let release = TestSignal<Void>()
        let kind = JobKind(name: "k") { _ in
            started.fire()
            await release.next()
            return .completed
        }
        let pool = try PoolHarness(store: store, kinds: [kind], clock: clock)
        _ = try await store.jobInsertMany([NewJob(kind: "k")], now: clock.now())
        await started.next()
        let listed = try await store.processes(seenSince: clock.now().adding(.seconds(-60)))
        #expect(listed.count == 1)
        #expect(listed.first?.running == 1, "its running job")
        #expect(listed.first?.pid == Int(ProcessInfo.processInfo.processIdentifier))
        #expect(listed.first?.queues["default"] != nil, "\(listed)")
        release.fire()
        try await pool.stop()
        #expect(try await store.processes(seenSince: .distantPast).isEmpty, "a stopped pool leaves the list")
    }
}
