import Foundation
import GRDB
import StewardCore
import StewardSQLite
import StewardTesting
import Testing

/// Real `steward` processes on one database file: concurrency across processes, crashes and
/// signals.
@Suite("Processes", .serialized)
struct ProcessTests {
    @Test func twoProcessesWork20kJobsExactlyOnce() async throws {
        try await SQLiteTestStore.with { test in
            let jobs = 20_000
            for _ in 0..<(jobs / 1000) {
                _ = try await test.store.jobInsertMany(Array(repeating: NewJob(kind: "probe", maxAttempts: 3), count: 1000), now: Date())
            }
            let arguments = ["run", "--drain", "--queue", "default=20", "--claim-batch", "20", "--log-level", "warning", "--database", test.path]
            let workers = try [ChildProcess(arguments, in: test.directory.url), ChildProcess(arguments, in: test.directory.url)]
            for worker in workers {
                let status = await worker.waitForExit()
                #expect(status == 0, "\(worker.standardError)")
            }
            let (runs, distinct, owners, completed) = try await test.store.database.read { db in
                (try Int.fetchOne(db, sql: "SELECT count(*) FROM probe_runs") ?? 0,
                 try Int.fetchOne(db, sql: "SELECT count(DISTINCT job_id) FROM probe_runs") ?? 0,
                 try Int.fetchOne(db, sql: "SELECT count(DISTINCT owner) FROM probe_runs") ?? 0,
                 try Int.fetchOne(db, sql: "SELECT count(*) FROM jobs WHERE state = 'completed'") ?? 0)
            }
            #expect(runs == jobs, "every job ran exactly once")
            #expect(distinct == jobs)
            #expect(completed == jobs)
            #expect(owners == 2, "both processes took part")
        }
    }

    @Test func aJobWhoseWorkerWasKilledIsRescuedAndCompleted() async throws {
        try await SQLiteTestStore.with { test in
            let id = try await test.store.jobInsertMany([NewJob(kind: "sleep", args: #"{"seconds": 600}"#, maxAttempts: 3)], now: Date())[0].job.id
            let worker = try ChildProcess(["run", "--log-level", "debug", "--database", test.path], in: test.directory.url)
            #expect(await worker.waitForLog(containing: "job started"), "\(worker.standardError)")
            worker.send(SIGKILL)
            #expect(await worker.waitForExit() == SIGKILL)

            let orphan = try #require(try await test.store.jobGet(id: id))
            #expect(orphan.state == .running)
            // Right after the kill the lease still runs: a drain says why it leaves the job.
            let early = await steward("run", "--drain", "--database", test.path)
            #expect(early.output.contains("drained: nothing to run\n1 job still running under another worker's lease"), "\(early.output)")
            let expiry = try #require(orphan.lease?.expiresAt)
            // A new worker whose clock is past the dead worker's lease: its rescuer runs at
            // start, and the job runs again (here with a handler that finishes at once).
            let clock = ManualClock(now: expiry.addingTimeInterval(1))
            let rerun = JobKind(name: "sleep", retryPolicy: RetryPolicy(maxAttempts: 3, backoff: .schedule([.zero]))) { _ in .completed }
            let pool = try PoolHarness(store: test.store, kinds: [rerun], clock: clock) { $0.drain = true }
            try await pool.finished()

            let job = try #require(try await test.store.jobGet(id: id))
            #expect(job.state == .completed)
            #expect(job.attempt == 1, "the crash did not spend an attempt")
            #expect(job.errors.count == 1)
            #expect(job.errors.first?.message.contains("lease expired: worker \(orphan.lease?.owner ?? "")") == true)
        }
    }

    @Test func sigtermReturnsUnfinishedJobsToTheQueue() async throws {
        try await SQLiteTestStore.with { test in
            let ids = try await test.store.jobInsertMany([
                NewJob(kind: "sleep", args: #"{"seconds": 600}"#), NewJob(kind: "sleep", args: #"{"seconds": 600}"#),
            ], now: Date()).map(\.job.id)
            let worker = try ChildProcess(["run", "--grace", "100ms", "--log-level", "debug", "--database", test.path], in: test.directory.url)
            #expect(await worker.waitForLog(containing: "job=\(ids[1])"), "\(worker.standardError)")
            worker.send(SIGTERM)
            #expect(await worker.waitForExit() == 0, "\(worker.standardError)")
            for id in ids {
                let job = try #require(try await test.store.jobGet(id: id))
                #expect(job.state == .available)
                #expect(job.attempt == 0)
                #expect(job.lease == nil)
            }
        }
    }
}
