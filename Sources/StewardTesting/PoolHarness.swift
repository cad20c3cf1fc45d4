public import StewardCore
import Foundation
import Logging
public import Metrics

/// Runs a `WorkerPool` in the background for one test and stops it (writing pending outcomes)
/// when asked.
public final class PoolHarness: Sendable {
    public let pool: WorkerPool
    private let task: Task<Void, any Error>

    public init(
        store: any JobStore, kinds: [JobKind], clock: any JobClock, random: any JobRandom = SystemJobRandom(),
        configure: (inout WorkerPoolConfiguration) -> Void = { _ in },
        metricsFactory: any MetricsFactory = MetricsSystem.factory
    ) throws {
        var configuration = WorkerPoolConfiguration()
        configuration.pollInterval = .seconds(3600)  // tests prove wake-ups, never polling
        // Distinct periods, so a test advancing to one timer's deadline wakes only that timer.
        configuration.heartbeatInterval = PoolHarness.heartbeatInterval
        configuration.leaseDuration = .seconds(60)
        configuration.rescueInterval = .seconds(11)
        configuration.statsInterval = .seconds(13)
        configuration.shutdownGrace = .seconds(17)
        configure(&configuration)
        var logger = Logger(label: "steward.test")
        logger.logLevel = .critical
        let pool = try WorkerPool(store: store, registry: JobRegistry(kinds), configuration: configuration, clock: clock, random: random,
                                  logger: logger, metricsFactory: metricsFactory)
        self.pool = pool
        task = Task { try await pool.run() }
    }

    public static let heartbeatInterval = Duration.seconds(7)

    /// Stops claiming, waits for the pool to return.
    public func stop() async throws {
        pool.stop()
        try await task.value
    }

    /// Waits for a pool started with `drain` to finish by itself.
    public func finished() async throws {
        try await task.value
    }
}
