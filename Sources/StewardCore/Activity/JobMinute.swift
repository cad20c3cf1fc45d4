public import Foundation

/// What one queue's jobs of one kind did in one minute: the engine's rollup behind throughput
/// and failure charts, written in the same transaction as the outcomes it counts.
public struct JobMinute: Sendable, Equatable {
    /// The minute's start.
    public var minute: Date
    public var queue: String
    public var kind: String
    /// Attempts that ended the job well.
    public var completed: Int
    /// Attempts that ended the job for good with an error (discarded).
    public var failed: Int
    /// Attempts that errored and left the job to run again (a retry, or a lost lease).
    public var retried: Int
    /// How long the counted attempts ran, claim to outcome (lost leases excluded).
    public var runTimes: RunTimeHistogram

    public init(minute: Date, queue: String, kind: String, completed: Int = 0, failed: Int = 0, retried: Int = 0,
                runTimes: RunTimeHistogram = RunTimeHistogram()) {
        self.minute = minute
        self.queue = queue
        self.kind = kind
        self.completed = completed
        self.failed = failed
        self.retried = retried
        self.runTimes = runTimes
    }

    public var failures: Int { failed + retried }

    /// Adds another row's counts and run times (for sums over kinds, queues or minutes).
    public mutating func add(_ other: JobMinute) {
        completed += other.completed
        failed += other.failed
        retried += other.retried
        runTimes.merge(other.runTimes)
    }

    /// The start of the minute holding `date`.
    public static func start(of date: Date) -> Date {
        Date(timeIntervalSince1970: (date.timeIntervalSince1970 / 60).rounded(.down) * 60)
    }
}
