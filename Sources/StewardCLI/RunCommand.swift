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

    @Flag(help: "Work until nothing is runnable, then exit.") var drain = false
    @Option(name: .customLong("metrics-file"), help: "Write Prometheus metrics to this file every 15s.") var metricsFile: String?
    @OptionGroup var workers: WorkerOptions
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let context = CommandContext.current
        let logger = try workers.makeLogger()
        let configuration = try workers.poolConfiguration(drain: drain)
        let (store, setup) = try workers.setup(database: database, context: context, logger: logger)
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

    /// Attempt outcomes in words: a retry is "retried", not the state it left the job in.
    static func summary(_ counts: [JobState: Int]) -> String {
        let words: [(JobState, String)] = [(.completed, "completed"), (.retryable, "retried"), (.discarded, "discarded"),
                                           (.scheduled, "snoozed"), (.available, "released")]
        let parts = words.compactMap { state, word in counts[state].map { "\($0) \(word)" } }
        return "drained: " + (parts.isEmpty ? "nothing to run" : parts.joined(separator: ", "))
    }
}
