public import Logging
public import Metrics
public import ServiceLifecycle
import Foundation

/// Runs the queues' workers and the chores that keep the queue healthy (heartbeat, rescuer,
/// pruner, stats, foreign-commit watcher). A swift-service-lifecycle `Service`: on graceful
/// shutdown (SIGTERM/SIGINT in a `ServiceGroup`) it stops claiming, lets running jobs finish
/// within the grace period, then cancels them and returns them to `available` without spending
/// the attempt.
public final class WorkerPool: Service, Sendable {
    private let context: PoolContext
    private let workers: [QueueWorker]

    public init(
        store: any JobStore, registry: JobRegistry, configuration: WorkerPoolConfiguration = .init(),
        clock: any JobClock = SystemClock(), random: any JobRandom = SystemJobRandom(), logger: Logger = Logger(label: "steward.pool"),
        metricsFactory: any MetricsFactory = MetricsSystem.factory
    ) throws {
        try configuration.validate()
        var logger = logger
        logger[metadataKey: "owner"] = "\(configuration.owner)"
        let inFlight = InFlightJobs()
        let metrics = PoolMetrics(factory: metricsFactory)
        let finisher = JobFinisher(store: store, clock: clock, inFlight: inFlight, hooks: registry.giveUpHooks, logger: logger)
        let runner = JobRunner(registry: registry, inFlight: inFlight, finisher: finisher, clock: clock, random: random, metrics: metrics, logger: logger)
        let context = PoolContext(
            store: store, registry: registry, configuration: configuration, clock: clock, logger: logger,
            metrics: metrics, inFlight: inFlight, finisher: finisher, shutdown: ShutdownSignal(), runner: runner
        )
        self.context = context
        workers = configuration.queues.sorted { $0.key < $1.key }.map { QueueWorker(queue: $0.key, concurrency: $0.value, context: context) }
        for worker in workers {
            store.notifications.subscribe(queue: worker.queue, worker.wakeup)
            context.drain.register(worker.wakeup)
        }
    }

    public func run() async throws {
        await withGracefulShutdownHandler {
            await runUntilStopped()
        } onGracefulShutdown: {
            self.stop()
        }
    }

    /// Stops claiming; running jobs get the grace period. Safe to call more than once.
    public func stop() {
        context.shutdown.trigger()
        for worker in workers { worker.wakeup.signal() }
    }

    /// How many attempts this pool has finished, by the state each left its job in.
    public var outcomeCounts: [JobState: Int] { context.metrics.outcomeCounts }

    private func runUntilStopped() async {
        context.logger.info("worker pool started", metadata: ["queues": "\(context.configuration.queues)"])
        let maintenance = Maintenance(context: context)
        let startedAt = context.clock.now()
        await maintenance.announceOnce(startedAt: startedAt)
        if context.configuration.drain {
            // Jobs a crashed worker left behind are runnable now: find them before draining.
            await maintenance.rescueOnce()
        }
        await withTaskGroup(of: Void.self) { chores in
            startChores(in: &chores, maintenance, startedAt: startedAt)
            await withTaskGroup(of: Void.self) { queues in
                for worker in workers { queues.addTask { await worker.run() } }
            }
            chores.cancelAll()
        }
        // Outcomes still queued are written even if this task was cancelled.
        await context.finisher.flush()
        await maintenance.leave()
        for worker in workers { context.store.notifications.unsubscribe(worker.wakeup) }
        context.logger.info("worker pool stopped")
    }

    private func startChores(in group: inout TaskGroup<Void>, _ maintenance: Maintenance, startedAt: Date) {
        group.addTask { await self.context.finisher.run() }
        group.addTask { await maintenance.heartbeat() }
        group.addTask { await maintenance.announce(startedAt: startedAt) }
        group.addTask { await maintenance.rescue() }
        group.addTask { await maintenance.prune() }
        group.addTask { await maintenance.stats() }
        group.addTask { await maintenance.watchForeignCommits() }
        group.addTask { await maintenance.enforceShutdownGrace() }
    }
}
