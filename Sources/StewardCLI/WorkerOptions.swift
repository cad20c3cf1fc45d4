import ArgumentParser
import Foundation
import Logging
import StewardApp
import StewardCore
import StewardSQLite
import StewardWorkflows

/// The worker pool's settings, shared by `steward run` and `steward serve`.
struct WorkerOptions: ParsableArguments {
    @Option(name: .customLong("queue"), help: "QUEUE=CONCURRENCY (repeatable; default default=10, exports=2, imports=2, cadences=4, winback=1, webhooks=20).")
    var queues: [String] = []
    @Option(help: "Lease length; must be ≥ 3 × heartbeat.") var lease = "30s"
    @Option(help: "Heartbeat interval.") var heartbeat = "10s"
    @Option(help: "On SIGTERM, how long running jobs may finish before they are returned to the queue.") var grace = "10s"
    @Option(help: "Longest idle wait without a wake-up.") var poll = "1s"
    @Option(name: .customLong("claim-batch"), parsing: .unconditional, help: "Jobs claimed per query.", transform: NumberOptions.positive) var claimBatch = 100
    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error or critical.") var logLevel = "info"
    @Option(help: "Workflow files (schedules, triggers …); default ./Workflows when it exists. Reloaded on SIGHUP.")
    var workflows: String?
    @Option(name: .customLong("exports-dir"), help: "Where export files are written.") var exportsDir = "exports"

    var workflowsDirectory: String { workflows ?? "Workflows" }

    /// The store and the engine around it, from the workflow files and these settings.
    func setup(database: DatabaseOptions, context: CommandContext, logger: Logger) throws -> (SQLiteJobStore, RunSetup) {
        let workflowSet = try WorkflowDirectory.load(workflowsDirectory, required: workflows != nil, context: context)
        let store = try database.open()
        let setup = RunSetup(
            store: store, workflows: workflowSet, workflowsDirectory: workflowsDirectory,
            exportsDirectory: exportsDir, clock: context.clock, environment: context.environment, logger: logger
        )
        return (store, setup)
    }

    func poolConfiguration(drain: Bool) throws -> WorkerPoolConfiguration {
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
}
