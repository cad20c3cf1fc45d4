import Foundation
import StewardApp
import StewardCRM
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
        try await SQLiteTestStore.with(schema: StewardStore.schema) { test in
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
        try await SQLiteTestStore.with(schema: StewardStore.schema) { test in
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

    /// A job that takes its worker down every time (here: the worker is killed whenever it starts
    /// the job) is quarantined after the kind's crash limit from the workflow files, while the
    /// pool keeps serving its other queue between the crashes and after.
    @Test func aCrashLoopingJobIsQuarantinedWhileOtherQueuesAreServed() async throws {
        try await SQLiteTestStore.with(schema: StewardStore.schema) { test in
            let workflows = test.directory.url.appendingPathComponent("wf")
            try FileManager.default.createDirectory(at: workflows, withIntermediateDirectories: true)
            try "kind: job_kind\nname: sleep\ncrash_limit: 2\n".write(to: workflows.appendingPathComponent("kinds.yml"), atomically: true, encoding: .utf8)
            let poison = try await test.store.jobInsertMany([NewJob(kind: "sleep", args: #"{"seconds": 600}"#, queue: "poison")], now: Date())[0].job.id
            let arguments = ["run", "--workflows", "wf", "--queue", "poison=1", "--queue", "default=2", "--log-level", "trace", "--database", test.path]
            for round in 1...2 {
                let probe = try await test.store.jobInsertMany([NewJob(kind: "probe")], now: Date())[0].job.id
                let worker = try ChildProcess(arguments, in: test.directory.url)
                #expect(await worker.waitForLog(containing: "job=\(poison) kind=sleep"), "round \(round): \(worker.standardError)")
                #expect(await worker.waitForLog(containing: "job=\(probe) outcome=completed"), "\(worker.standardError)")
                worker.send(SIGKILL)
                #expect(await worker.waitForExit() == SIGKILL)
                // Time passes past the dead worker's lease (set directly instead of waiting for it).
                try await test.store.database.write { db in try db.execute(sql: "UPDATE jobs SET lease_expires_at = 0 WHERE state = 'running'") }
            }
            _ = try await test.store.jobInsertMany([NewJob(kind: "probe")], now: Date())
            let drain = try ChildProcess(["run", "--drain"] + arguments.dropFirst(), in: test.directory.url)
            #expect(await drain.waitForExit() == 0, "\(drain.standardError)")
            let job = try #require(try await test.store.jobGet(id: poison))
            #expect(job.state == .discarded)
            #expect(job.errors.last?.message.hasPrefix("crashed its worker 2 times") == true, "\(job.errors)")
            let probes = try await test.store.database.read { db in try Int.fetchOne(db, sql: "SELECT count(DISTINCT job_id) FROM probe_runs") }
            #expect(probes == 3, "the other queue was served in every round")
            #expect(try await test.store.jobList(JobListParams(states: [.completed], kind: "probe")).count == 3)
            let listed = await steward("jobs", "list", "--state", "discarded", "--database", test.path)
            #expect(listed.output.contains("crashed its worker 2 times"), "\(listed.output)")
            #expect(try await test.store.eventList(limit: 10).contains { $0.0.name == "job.discarded" })
        }
    }

    /// The environment holds webhook secrets: no log line, at any level, may print it.
    @Test func debugLogsNeverPrintTheEnvironment() async throws {
        try await SQLiteTestStore.with(schema: StewardStore.schema) { test in
            let secret = "whsec_bm90LWluLXRoZS1sb2dzLXBsZWFzZQ=="
            try FileManager.default.createDirectory(at: test.directory.url.appendingPathComponent("wf"), withIntermediateDirectories: true)
            let worker = try ChildProcess(["run", "--workflows", "wf", "--log-level", "trace", "--database", test.path],
                                          in: test.directory.url, environment: ["CRM_EVENTS_SECRET": secret])
            #expect(await worker.waitForLog(containing: "SIGHUP reloads the workflow files"), "\(worker.standardError)")
            worker.send(SIGTERM)
            #expect(await worker.waitForExit() == 0, "\(worker.standardError)")
            #expect(worker.standardError.contains("WorkflowReloader(directory: wf)"), "the services were logged")
            #expect(!worker.standardError.contains(secret))
        }
    }

    @Test func sigtermReturnsUnfinishedJobsToTheQueue() async throws {
        try await SQLiteTestStore.with(schema: StewardStore.schema) { test in
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
