public import Logging
import Prometheus
public import ServiceLifecycle
public import StewardCore
public import StewardCRM
public import StewardSQLite
public import StewardWorkflows

/// The engine assembled: the pool, and around it the dispatcher, scheduler, reloader and
/// metrics writer, all sharing one store, one set of definitions and one metrics registry.
/// Every front end that runs workers (`steward run`, later `steward serve`) starts these.
public struct RunSetup: Sendable {
    public let store: SQLiteJobStore
    public let workflows: WorkflowSet?
    let workflowsDirectory: String
    let exportsDirectory: String
    let clock: any JobClock
    let environment: [String: String]
    let logger: Logger
    /// The workflow files as loaded now: swapped when SIGHUP reloads them.
    public let definitions: WorkflowDefinitions
    /// The kinds the pool runs; the dispatcher and scheduler take their defaults from it too.
    public let registry: JobRegistry
    let metrics = PrometheusCollectorRegistry()

    public init(store: SQLiteJobStore, workflows: WorkflowSet?, workflowsDirectory: String, exportsDirectory: String,
                clock: any JobClock, environment: [String: String], logger: Logger) {
        self.store = store
        self.workflows = workflows
        self.workflowsDirectory = workflowsDirectory
        self.exportsDirectory = exportsDirectory
        self.clock = clock
        self.environment = environment
        self.logger = logger
        definitions = WorkflowDefinitions(workflows ?? WorkflowSet())
        // `kind: job_kind` settings are read when the pool starts.
        registry = JobKinds.registry(store: store, definitions: definitions, exportsDirectory: exportsDirectory, clock: clock, logger: logger)
            .withCrashLimits(workflows?.jobKinds.compactMapValues(\.crashLimit) ?? [:])
    }

    public func makePool(_ configuration: WorkerPoolConfiguration) throws -> WorkerPool {
        try WorkerPool(store: store, registry: registry, configuration: configuration, clock: clock, logger: logger,
                              metricsFactory: PrometheusMetricsFactory(registry: metrics))
    }

    /// Events are dispatched before a drain (batch runs) or continuously; schedules and SIGHUP
    /// reloads only run continuously.
    public func workflowServices(drain: Bool) async -> [ServiceGroupConfiguration.ServiceConfiguration] {
        // Without workflow files this process knows no subscribers: it must not mark events
        // dispatched that another process would route.
        guard let workflows else { return [] }
        await CadenceSync.onLoad(workflows, store: store, now: clock.now(), logger: logger)
        let dispatcher = EventDispatcher(store: store, routes: eventRoutes(workflows), clock: clock, registry: registry, logger: logger)
        if drain {
            await dispatcher.dispatchPending()
            return []
        }
        let scheduler = Scheduler(store: store, jobs: WorkflowDirectory.scheduledJobs(workflows), clock: clock, registry: registry, logger: logger)
        let reloader = WorkflowReloader(directory: workflowsDirectory, scheduler: scheduler, dispatcher: dispatcher,
                                        definitions: definitions, store: store, clock: clock, environment: environment, logger: logger)
        return [.init(service: dispatcher), .init(service: scheduler), .init(service: reloader)]
    }

    /// For a process that runs no workers (`serve --no-workers`): only the SIGHUP reloader, so
    /// the API still sees edited workflow files; no scheduler, no dispatcher.
    public func definitionReloader() -> [ServiceGroupConfiguration.ServiceConfiguration] {
        guard workflows != nil else { return [] }
        return [.init(service: WorkflowReloader(directory: workflowsDirectory, scheduler: nil, dispatcher: nil, definitions: definitions,
                                                store: store, clock: clock, environment: environment, logger: logger))]
    }

    /// The registry in Prometheus' text format, as it stands now (`/metrics`).
    public func metricsText() -> String {
        metrics.emitToString()
    }

    public func metricsWriter(path: String) -> MetricsFileWriter {
        MetricsFileWriter(registry: metrics, path: path, interval: .seconds(15), clock: clock, logger: logger)
    }

    /// Every subscriber gets its job, even one whose kind this build cannot run yet: the job
    /// waits in its queue (nothing here serves it) instead of the event being lost.
    private func eventRoutes(_ workflows: WorkflowSet) -> [EventRoute] {
        let (routes, notRunnable) = WorkflowDirectory.eventRoutes(workflows, runnable: JobKinds.names)
        if !notRunnable.isEmpty {
            logger.notice("jobs for these subscribers wait in their queues until a steward that runs their kind serves them",
                          metadata: ["subscribers": "\(notRunnable)"])
        }
        return routes
    }
}
