import Logging

/// What every part of a running pool shares.
struct PoolContext: Sendable {
    let store: any JobStore
    let registry: JobRegistry
    let configuration: WorkerPoolConfiguration
    let clock: any JobClock
    let logger: Logger
    let metrics: PoolMetrics
    let inFlight: InFlightJobs
    let finisher: JobFinisher
    let shutdown: ShutdownSignal
    let runner: JobRunner
    let drain = PoolDrain()
}
