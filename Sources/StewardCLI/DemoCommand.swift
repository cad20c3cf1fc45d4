import StewardApp
import ArgumentParser
import Foundation
import Logging
import StewardCore
import StewardSQLite
import StewardCRM

/// `steward demo`: a fresh database, a handful of built-in jobs, one pool run, and a report of
/// what happened to each. Shows retries, a permanent failure, scheduling and unique keys.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "demo", abstract: "Run every built-in job kind once on a fresh local database and show the results.")

    @Option(name: .customLong("database"), help: "A new file for the demo (default ./steward-demo.sqlite, recreated).")
    var database: String?

    static let defaultPath = "./steward-demo.sqlite"

    func run() async throws {
        let context = CommandContext.current
        let store = try openFreshStore()
        context.print("Demo database: \(store.path)\n")
        let client = JobClient(store: store, registry: JobKinds.registry(store: store), clock: context.clock)
        let plan = try await enqueueDemoJobs(client, now: context.clock.now())
        context.print(plan.joined(separator: "\n"))
        context.print("\nRunning the worker pool until nothing is left to run …")
        let counts = try await runPool(store: store, registry: client.registry)
        context.print(RunCommand.summary(counts) + "\n")
        let jobs = try await store.jobList(JobListParams(limit: 100)).reversed()
        context.print(Table(headers: JobView.tableHeaders, rows: jobs.map { JobView(job: $0).tableRow }).render())
        context.print("\n" + (try await DemoExport.run(store: store, now: context.clock.now())))
        context.print("\n" + (try await DemoCadences.run(store: store, clock: context.clock)))
        context.print("\n" + (try await DemoImport.run(store: store, clock: context.clock)))
        context.print("\n" + (try await DemoWebhooks.run(store: store, clock: context.clock)))
        context.print("\nTry: steward jobs show \(jobs.first { $0.state == .discarded }?.id ?? 1) --database \(store.path)")
        context.print("Try: steward stats --last 1h --database \(store.path)")
        context.print("The dashboard on this file: steward tokens create me --role admin --database \(store.path)")
        context.print("  then steward serve --database \(store.path) and sign in at http://127.0.0.1:8080/ with the token it printed")
    }

    private func openFreshStore() throws -> SQLiteJobStore {
        // The whole schema, as every other command opens it: the commands the demo suggests
        // next must find nothing left to migrate.
        let options = SQLiteStoreOptions(schema: StewardStore.schema)
        let path = database ?? Self.defaultPath
        if database == nil {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        } else if FileManager.default.fileExists(atPath: path) {
            throw StewardError(.invalidArguments, "\(path) already exists; the demo needs a new file", fix: "pass a new path, or omit --database")
        }
        return try SQLiteJobStore.open(path: path, options: options)
    }

    private func enqueueDemoJobs(_ client: JobClient, now: Date) async throws -> [String] {
        let jobs: [(NewJob, String)] = [
            (NewJob(kind: "noop"), "noop: completes at once"),
            (NewJob(kind: "probe", priority: -1), "probe (priority -1): runs first, records its run in probe_runs"),
            (NewJob(kind: "sleep", args: #"{"seconds": 0.3}"#), "sleep 0.3s: a job that takes a while"),
            (NewJob(kind: "noop", runAt: now.addingTimeInterval(1)), "noop scheduled 1s ahead: waits, then runs"),
            (NewJob(kind: "fail", args: #"{"message": "upstream returned 503"}"#, maxAttempts: 2), "fail, 2 attempts: retried with backoff, then discarded"),
            (NewJob(kind: "fail", args: #"{"message": "malformed payload", "permanent": true}"#), "fail, permanent: discarded at once, no retry"),
            (NewJob(kind: "noop", uniqueKey: "nightly-2026-01-05"), "noop with unique key: enqueued"),
            (NewJob(kind: "noop", uniqueKey: "nightly-2026-01-05"), "same unique key again: returns the existing job"),
        ]
        var lines = ["Enqueued:"]
        for (job, note) in jobs {
            let result = try await client.enqueue(job)
            lines.append("  job \(result.job.id)  \(note)\(result.inserted ? "" : " (job \(result.job.id))")")
        }
        return lines
    }

    private func runPool(store: SQLiteJobStore, registry: JobRegistry) async throws -> [JobState: Int] {
        var configuration = WorkerPoolConfiguration()
        configuration.drain = true
        configuration.drainHorizon = .seconds(5)
        configuration.pollInterval = .milliseconds(200)
        var logger = Logger(label: "steward.demo")
        logger.logLevel = .critical
        let pool = try WorkerPool(store: store, registry: registry, configuration: configuration, clock: CommandContext.current.clock, logger: logger)
        try await pool.run()
        return pool.outcomeCounts
    }
}
