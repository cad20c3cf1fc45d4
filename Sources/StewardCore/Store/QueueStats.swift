public import Foundation

/// One queue at a glance, for operators and readiness checks.
public struct QueueStats: Sendable, Equatable {
    public var queue: String
    /// Jobs per active state (scheduled, available, running, retryable).
    public var counts: [JobState: Int]
    /// The run time of the oldest job waiting to be claimed: how far behind the queue is.
    public var oldestAvailableAt: Date?
    public var completedInWindow: Int
    public var discardedInWindow: Int

    public init(queue: String, counts: [JobState: Int], oldestAvailableAt: Date?, completedInWindow: Int, discardedInWindow: Int) {
        self.queue = queue
        self.counts = counts
        self.oldestAvailableAt = oldestAvailableAt
        self.completedInWindow = completedInWindow
        self.discardedInWindow = discardedInWindow
    }

    /// A queue with nothing waiting, running or recently finished.
    public static func empty(_ queue: String) -> QueueStats {
        QueueStats(queue: queue, counts: [:], oldestAvailableAt: nil, completedInWindow: 0, discardedInWindow: 0)
    }

    /// Seconds the oldest available job has waited past its run time (0 when none waits).
    public func lag(at now: Date) -> TimeInterval {
        oldestAvailableAt.map { max(0, now.timeIntervalSince($0)) } ?? 0
    }
}
