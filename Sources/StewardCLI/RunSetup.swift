import Logging
import Prometheus
import ServiceLifecycle
import StewardCore
import StewardCRM
import StewardSQLite
import StewardWorkflows

/// The parts `steward run` starts: the pool, and around it the dispatcher, scheduler, reloader
/// and metrics writer, all sharing one store, one set of definitions and one metrics registry.
struct RunSetup {
    let store: SQLiteJobStore
    let workflows: WorkflowSet?
    let workflowsDirectory: String
    let exportsDirectory: String
    let context: CommandContext
    let logger: Logger
    let definitions: WorkflowDefinitions
    /// The kinds the pool runs; the dispatcher and scheduler take their defaults from it too.
    let registry: JobRegistry
    let metrics = PrometheusCollectorRegistry()

    init(store: SQLiteJobStore, workflows: WorkflowSet?, workflowsDirectory: String, exportsDirectory: String, context: CommandContext, logger: Logger) {
        self.store = store
        self.workflows = workflows
        self.workflowsDirectory = workflowsDirectory
        self.exportsDirectory = exportsDirectory
        self.context = context
        self.logger = logger
        definitions = WorkflowDefinitions(workflows ?? WorkflowSet())
        // `kind: job_kind` settings are read when the pool starts.
        registry = JobKinds.registry(store: store, definitions: definitions, exportsDirectory: exportsDirectory, clock: context.clock, logger: logger)
            .withCrashLimits(workflows?.jobKinds.compactMapValues(\.crashLimit) ?? [:])
    }

    func makePool(_ configuration: WorkerPoolConfiguration) throws -> WorkerPool {
        try WorkerPool(store: store, registry: registry, configuration: configuration, clock: context.clock, logger: logger,
                              metricsFactory: PrometheusMetricsFactory(registry: metrics))
    }

    /// Events are dispatched before a drain (batch runs) or continuously; schedules and SIGHUP
    /// reloads only run continuously.
    func workflowServices(drain: Bool) async -> [ServiceGroupConfiguration.ServiceConfiguration] {
        // Without workflow files this process knows no subscribers: it must not mark events
        // dispatched that another process would route.
        guard let workflows else { return [] }
        await CadencesCommand.syncOnLoad(workflows, store: store, now: context.clock.now(), logger: logger)
        let dispatcher = EventDispatcher(store: store, routes: eventRoutes(workflows), clock: context.clock, registry: registry, logger: logger)
        if drain {
            await dispatcher.dispatchPending()
            return []
        }
        let scheduler = Scheduler(store: store, jobs: WorkflowDirectory.scheduledJobs(workflows), clock: context.clock, registry: registry, logger: logger)
        let reloader = WorkflowReloader(directory: workflowsDirectory, scheduler: scheduler, dispatcher: dispatcher,
                                        definitions: definitions, store: store, context: context, logger: logger)
        return [.init(service: dispatcher), .init(service: scheduler), .init(service: reloader)]
    }

    func metricsWriter(path: String) -> MetricsFileWriter {
        MetricsFileWriter(registry: metrics, path: path, interval: .seconds(15), clock: context.clock, logger: logger)
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
