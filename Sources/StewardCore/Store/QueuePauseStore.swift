public import Foundation

/// Pausing a queue: no process claims its jobs while the pause holds. Pauses are stored, so
/// they outlast restarts and bind every process on the same store.
public protocol QueuePauseStore: Sendable {
    /// Pauses `queue` (again: the new reason and resume time replace the old), until
    /// `resumeAt` when given.
    func queuePause(_ params: QueuePauseParams) async throws -> QueuePause
    /// Lifts the pause; false when the queue was not paused.
    func queueResume(_ queue: String) async throws -> Bool
    /// Pauses in force at `now` (one whose resume time has passed is over), by queue name.
    func queuePauses(now: Date) async throws -> [QueuePause]
}

public struct QueuePauseParams: Sendable, Equatable {
    public var queue: String
    public var reason: String?
    public var resumeAt: Date?
    public var by: String?
    public var now: Date

    public init(queue: String, reason: String? = nil, resumeAt: Date? = nil, by: String? = nil, now: Date) {
        self.queue = queue
        self.reason = reason
        self.resumeAt = resumeAt
        self.by = by
        self.now = now
    }
}

public struct QueuePause: Sendable, Equatable {
    public var queue: String
    public var reason: String?
    public var pausedAt: Date
    public var resumeAt: Date?
    public var by: String?

    public init(queue: String, reason: String?, pausedAt: Date, resumeAt: Date?, by: String?) {
        self.queue = queue
        self.reason = reason
        self.pausedAt = pausedAt
        self.resumeAt = resumeAt
        self.by = by
    }
}
