import Foundation
import GRDB
import StewardCore
import StewardSQLite
import StewardTesting
import Testing

/// Jobs that end without completing: lost leases, poison jobs, and the give-up hook that runs in
/// the transaction of every discard and cancel.
@Suite("Lost leases and give-up hooks", .sqliteDatabase)
struct GiveUpTests {
    let clock = ManualClock()

    func store() throws -> SQLiteJobStore { try SQLiteDatabaseTrait.store().store }

    /// The hook writes a row in the discarding transaction, so the test can see it ran there.
    static let recordingHook: JobGiveUpHook = { given, transaction in
        try transaction.sqlite().execute(sql: "INSERT INTO probe_runs (job_id, attempt, owner) VALUES (?, ?, ?)",
                                         arguments: [given.job.id, given.job.attempt, "\(given.state.rawValue): \(given.reason)"])
    }

    func hookRuns(_ store: SQLiteJobStore) async throws -> [String] {
        try await store.database.read { db in try String.fetchAll(db, sql: "SELECT owner FROM probe_runs ORDER BY rowid") }
    }

    func discardedEvents(_ store: SQLiteJobStore) async throws -> [[String: Any]] {
        try await store.eventList(limit: 50).filter { $0.0.name == "job.discarded" }.map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.0.payload.utf8)) as? [String: Any])
        }
    }

    /// A worker that claims the job and then dies: its lease runs out without a heartbeat.
    func crash(_ store: SQLiteJobStore, queue: String = "default") async throws {
        let claimed = try await store.jobClaim(JobClaimParams(queue: queue, limit: 1, owner: "dead-worker", leaseDuration: .seconds(30), now: clock.now()))
        #expect(claimed.count == 1, "the job was claimable")
        clock.advance(by: .seconds(31))
    }

    func rescue(_ store: SQLiteJobStore, kind: JobKind) async throws -> [RescuedJob] {
        try await store.jobRescueExpired(now: clock.now(), limit: 10, hooks: JobRegistry([kind]).giveUpHooks) {
            LeaseLossRule.outcome(for: $0, crashLimit: kind.crashLimit)
        }
    }

    @Test func aLostLeaseRunsAgainAtOnceWithoutSpendingAnAttempt() async throws {
        let store = try store()
        let id = try await store.jobInsertMany([NewJob(kind: "once", maxAttempts: 1)], now: clock.now())[0].job.id
        try await crash(store)
        let kind = JobKind(name: "once", retryPolicy: RetryPolicy(maxAttempts: 1, backoff: .schedule([.seconds(300)]))) { _ in .completed }
        // The pool's rescuer runs at start; the job is available at once, so --drain runs it.
        let pool = try PoolHarness(store: store, kinds: [kind], clock: clock) { $0.drain = true }
        try await pool.finished()
        let job = try #require(try await store.jobGet(id: id))
        #expect(job.state == .completed, "a crash is not the handler's failure: its one attempt is still there")
        #expect(job.attempt == 1)
        #expect(job.errors.map(\.message).first?.contains("lease expired: worker dead-worker") == true)
    }

    @Test func aJobThatKeepsCrashingItsWorkerIsQuarantined() async throws {
        let store = try store()
        let kind = JobKind(name: "poison", crashLimit: 3, onGiveUp: Self.recordingHook) { _ in .completed }
        let id = try await store.jobInsertMany([NewJob(kind: "poison", maxAttempts: 20)], now: clock.now())[0].job.id
        for round in 1...2 {
            try await crash(store)
            #expect(try await rescue(store, kind: kind).map(\.state) == [.available])
            let job = try #require(try await store.jobGet(id: id))
            #expect(job.runAt == clock.now(), "due at once, no backoff")
            #expect((job.attempt, job.leaseLosses) == (0, round))
        }
        #expect(try await hookRuns(store).isEmpty)
        try await crash(store)
        #expect(try await rescue(store, kind: kind).map(\.state) == [.discarded])
        let job = try #require(try await store.jobGet(id: id))
        #expect(job.errors.last?.message.contains("crashed its worker 3 times") == true)
        #expect(try await hookRuns(store) == ["discarded: \(job.errors.last?.message ?? "")"])
        let events = try await discardedEvents(store)
        #expect(events.count == 1)
        #expect(events.first?["job"] as? Int64 == id && events.first?["kind"] as? String == "poison" && events.first?["queue"] as? String == "default")
        #expect((events.first?["error"] as? String)?.contains("crashed its worker") == true)
    }

    @Test func progressBetweenCrashesIsNotACrashLoop() async throws {
        let store = try store()
        let kind = JobKind(name: "long", crashLimit: 3) { _ in .completed }
        let id = try await store.jobInsertMany([NewJob(kind: "long", maxAttempts: 2)], now: clock.now())[0].job.id
        for _ in 1...5 {
            try await crash(store)
            try await store.database.write { db in try store.jobRecordProgress(id, in: db) }
            #expect(try await rescue(store, kind: kind).map(\.state) == [.available])
        }
        let job = try #require(try await store.jobGet(id: id))
        #expect((job.state, job.attempt, job.leaseLosses) == (.available, 0, 1), "five crashes spent none of its two attempts")
    }

    @Test(arguments: [true, false])
    func aHandlerFailureThatDiscardsRunsTheHookAndRaisesJobDiscarded(permanent: Bool) async throws {
        let store = try store()
        let kind = JobKind(name: "broken", retryPolicy: RetryPolicy(maxAttempts: 1, backoff: .schedule([.zero])), onGiveUp: Self.recordingHook) { _ in
            if permanent { throw JobPermanentError("bad input") }
            throw CancellationErrorLike()
        }
        let id = try await store.jobInsertMany([NewJob(kind: "broken", maxAttempts: 1)], now: clock.now())[0].job.id
        let pool = try PoolHarness(store: store, kinds: [kind], clock: clock) { $0.drain = true }
        try await pool.finished()
        #expect(try await store.jobGet(id: id)?.state == .discarded)
        #expect(try await hookRuns(store).count == 1)
        #expect(try await hookRuns(store).first?.hasPrefix("discarded: ") == true)
        #expect(try await discardedEvents(store).map { $0["job"] as? Int64 } == [id])
    }

    @Test func aFailingHookNeverBlocksTheDiscard() async throws {
        let store = try store()
        let kind = JobKind(name: "k", crashLimit: 1, onGiveUp: { _, transaction in
            try transaction.sqlite().execute(sql: "INSERT INTO probe_runs (job_id, attempt) VALUES (1, 1)")
            throw StewardError(.invalidConfiguration, "hook broke")
        }) { _ in .completed }
        let id = try await store.jobInsertMany([NewJob(kind: "k")], now: clock.now())[0].job.id
        try await crash(store)
        #expect(try await rescue(store, kind: kind).map(\.state) == [.discarded])
        let job = try #require(try await store.jobGet(id: id))
        #expect(job.errors.last?.message.contains("give-up hook failed: hook broke") == true)
        #expect(try await hookRuns(store).isEmpty, "the hook's own writes were rolled back")
        #expect(try await discardedEvents(store).count == 1)
    }

    @Test func cancellingAJobRunsItsHookButRaisesNoDiscardEvent() async throws {
        let store = try store()
        let kind = JobKind(name: "k", onGiveUp: Self.recordingHook) { _ in .completed }
        let id = try await store.jobInsertMany([NewJob(kind: "k")], now: clock.now())[0].job.id
        _ = try await store.jobCancel(id: id, now: clock.now(), hooks: JobRegistry([kind]).giveUpHooks)
        #expect(try await hookRuns(store) == ["cancelled: cancelled by an operator"])
        #expect(try await discardedEvents(store).isEmpty)
    }

    @Test func aDiscardedJobThatReactedToADiscardRaisesNoFurtherEvent() async throws {
        let store = try store()
        let args = #"{"event": {"id": 1, "name": "job.discarded", "payload": {}}}"#
        let kind = JobKind(name: "notify", crashLimit: 1) { _ in .completed }
        _ = try await store.jobInsertMany([NewJob(kind: "notify", args: args)], now: clock.now())
        try await crash(store)
        #expect(try await rescue(store, kind: kind).map(\.state) == [.discarded])
        #expect(try await discardedEvents(store).isEmpty, "a failing subscriber cannot feed itself events")
    }
}

private struct CancellationErrorLike: Error {}
