import ArgumentParser
import Foundation
import Logging
import ServiceLifecycle
import UnixSignals
import StewardCore
import StewardSQLite
import StewardWorkflows
import StewardApp

/// `steward run`: the worker pool until SIGTERM/SIGINT (graceful), or until drained.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "run", abstract: "Run workers until stopped (or, with --drain, until nothing is runnable).")

    @Option(name: .customLong("queue"), help: "QUEUE=CONCURRENCY (repeatable; default default=10, exports=2, imports=2, cadences=4, winback=1, webhooks=20).")
    var queues: [String] = []
    @Flag(help: "Work until nothing is runnable, then exit.") var drain = false
    @Option(help: "Lease length; must be ≥ 3 × heartbeat.") var lease = "30s"
    @Option(help: "Heartbeat interval.") var heartbeat = "10s"
    @Option(help: "On SIGTERM, how long running jobs may finish before they are returned to the queue.") var grace = "10s"
    @Option(help: "Longest idle wait without a wake-up.") var poll = "1s"
    @Option(name: .customLong("claim-batch"), parsing: .unconditional, help: "Jobs claimed per query.", transform: NumberOptions.positive) var claimBatch = 100
    @Option(name: .customLong("metrics-file"), help: "Write Prometheus metrics to this file every 15s.") var metricsFile: String?
    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error or critical.") var logLevel = "info"
    @Option(help: "Workflow files (schedules, triggers …); default ./Workflows when it exists. Reloaded on SIGHUP.")
    var workflows: String?
    @Option(name: .customLong("exports-dir"), help: "Where export files are written.") var exportsDir = "exports"
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let context = CommandContext.current
        let logger = try makeLogger()
        let configuration = try poolConfiguration()
        let workflowSet = try WorkflowDirectory.load(workflowsDirectory, required: workflows != nil, context: context)
        let store = try database.open()
        let setup = RunSetup(
            store: store, workflows: workflowSet, workflowsDirectory: workflowsDirectory,
            exportsDirectory: exportsDir, clock: context.clock, environment: context.environment, logger: logger
        )
        let pool = try setup.makePool(configuration)
        var services = [ServiceGroupConfiguration.ServiceConfiguration(service: pool, successTerminationBehavior: .gracefullyShutdownGroup)]
        services += await setup.workflowServices(drain: drain)
        if let metricsFile { services.append(.init(service: setup.metricsWriter(path: metricsFile))) }
        let group = ServiceGroup(configuration: .init(services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
        if drain {
            context.print(Self.summary(pool.outcomeCounts))
            if let note = try await Self.othersRunning(store, queues: configuration.queues.keys, now: context.clock.now()) { context.print(note) }
        }
    }

    /// Jobs of the served queues that another worker holds under a live lease: a drain cannot
    /// run them, and if that worker died they come back when the lease runs out.
    static func othersRunning(_ store: SQLiteJobStore, queues: some Sequence<String>, now: Date) async throws -> String? {
        let served = Set(queues)
        let held = try await store.jobList(JobListParams(states: [.running], limit: 1000))
            .filter { served.contains($0.queue) && ($0.lease?.expiresAt ?? now) > now }
        guard let expiry = held.compactMap(\.lease?.expiresAt).min() else { return nil }
        let seconds = Int(expiry.timeIntervalSince(now).rounded(.up))
        return "\(held.count) job\(held.count == 1 ? "" : "s") still running under another worker's lease (the first runs out in \(seconds)s):"
            + " if that worker died, run --drain again after that and they run at once"
    }

    var workflowsDirectory: String { workflows ?? "Workflows" }

    func poolConfiguration() throws -> WorkerPoolConfiguration {
        var configuration = WorkerPoolConfiguration()
        // Scheduled exports run on their own queue, so a long export never holds up other jobs.
        configuration.queues = queues.isEmpty ? ["default": 10, "exports": 2, "imports": 2, "cadences": 4, "winback": 1, "webhooks": 20] : try Self.parseQueues(queues)
        configuration.leaseDuration = try DurationParsing.require(lease, field: "--lease")
        configuration.heartbeatInterval = try DurationParsing.require(heartbeat, field: "--heartbeat")
        configuration.shutdownGrace = try DurationParsing.require(grace, field: "--grace")
        configuration.pollInterval = try DurationParsing.require(poll, field: "--poll")
        configuration.claimBatchSize = claimBatch
        configuration.drain = drain
        try configuration.validate()
        return configuration
    }

    static func parseQueues(_ specs: [String]) throws -> [String: Int] {
        var queues: [String: Int] = [:]
        for spec in specs {
            let parts = spec.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty, let concurrency = Int(parts[1]), concurrency > 0 else {
                throw StewardError(.invalidArguments, "--queue '\(spec)' is not QUEUE=CONCURRENCY", fix: "write e.g. --queue default=10")
            }
            queues[parts[0]] = concurrency
        }
        return queues
    }

    func makeLogger() throws -> Logger {
        guard let level = Logger.Level(rawValue: logLevel.lowercased()) else {
            throw StewardError(.invalidArguments, "--log-level: unknown level '\(logLevel)'",
                               fix: "use one of \(Logger.Level.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        var logger = Logger(label: "steward")
        logger.logLevel = level
        return logger
    }

    /// Attempt outcomes in words: a retry is "retried", not the state it left the job in.
    static func summary(_ counts: [JobState: Int]) -> String {
        let words: [(JobState, String)] = [(.completed, "completed"), (.retryable, "retried"), (.discarded, "discarded"),
                                           (.scheduled, "snoozed"), (.available, "released")]
        let parts = words.compactMap { state, word in counts[state].map { "\($0) \(word)" } }
        return "drained: " + (parts.isEmpty ? "nothing to run" : parts.joined(separator: ", "))
    }
}
