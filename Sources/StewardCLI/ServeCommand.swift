import ArgumentParser
import Foundation
import ServiceLifecycle
import UnixSignals
import StewardApp
import StewardCore
import StewardHTTP
import StewardWorkflows

/// `steward serve`: the HTTP API and, unless `--no-workers`, the worker pool in one process.
/// SIGTERM stops accepting connections, lets requests and jobs finish within the grace, then exits.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Serve the HTTP API (and run workers unless --no-workers).")

    @Option(help: "Address to listen on.") var host = "127.0.0.1"
    @Option(parsing: .unconditional, help: "Port to listen on (0: any free port, printed at start).", transform: NumberOptions.port) var port = 8080
    @Flag(name: .customLong("no-workers"), help: "Serve the API only; workers run elsewhere (steward run).") var noWorkers = false
    @Option(name: .customLong("ready-max-lag"), help: "/ready answers 503 when a queue's oldest available job is older than this.")
    var readyMaxLag = "5m"
    @Option(name: .customLong("max-upload-mb"), parsing: .unconditional, help: "Largest upload accepted, in MiB.", transform: NumberOptions.positive)
    var maxUploadMB = 512
    @OptionGroup var workers: WorkerOptions
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let context = CommandContext.current
        let logger = try workers.makeLogger()
        let configuration = try workers.poolConfiguration(drain: false)
        let maxLag = try DurationParsing.require(readyMaxLag, field: "--ready-max-lag")
        let (store, setup) = try workers.setup(database: database, context: context, logger: logger)
        var services: [ServiceGroupConfiguration.ServiceConfiguration] = []
        if !noWorkers {
            services.append(.init(service: try setup.makePool(configuration), successTerminationBehavior: .gracefullyShutdownGroup))
            services += await setup.workflowServices(drain: false)
        } else {
            services += setup.definitionReloader()
        }
        var api = APIServices(store: store, clock: context.clock, definitions: setup.definitions, metricsText: setup.metricsText,
                              readiness: Readiness(store: store, clock: context.clock, maxLag: maxLag),
                              hooks: setup.registry.giveUpHooks, maxUploadBytes: maxUploadMB << 20,
                              exportsDirectory: URL(fileURLWithPath: workers.exportsDir))
        api.servedQueues = noWorkers ? [] : configuration.queues.keys.sorted()
        try await APIServer.prepare(api, logger: logger)
        let application = APIServer.application(api, host: host, port: port, logger: logger) { [host] bound in
            context.print("steward serve: listening on http://\(host):\(bound)\(noWorkers ? " (no workers)" : "")")
        }
        services.append(.init(service: application, successTerminationBehavior: .gracefullyShutdownGroup))
        let group = ServiceGroup(configuration: .init(services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }
}
