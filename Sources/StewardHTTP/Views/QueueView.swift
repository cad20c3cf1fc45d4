import Foundation
import Hummingbird
import StewardCore

/// A queue as the API shows it: depth by state, lag, recent throughput and its pause.
struct QueueView: ResponseEncodable, Sendable {
    var queue: String
    var counts: [String: Int]
    var oldestAvailableAt: Date?
    var lagSeconds: Double
    var completedLast5m: Int
    var discardedLast5m: Int
    var paused: PauseView?

    init(_ stats: QueueStats, pause: QueuePause?, now: Date) {
        queue = stats.queue
        counts = Dictionary(uniqueKeysWithValues: [JobState.scheduled, .available, .running, .retryable].map { ($0.rawValue, stats.counts[$0] ?? 0) })
        oldestAvailableAt = stats.oldestAvailableAt
        lagSeconds = (stats.lag(at: now) * 1000).rounded() / 1000
        completedLast5m = stats.completedInWindow
        discardedLast5m = stats.discardedInWindow
        paused = pause.map(PauseView.init)
    }
}

struct PauseView: ResponseEncodable, Sendable {
    var queue: String
    var reason: String?
    var pausedAt: Date
    var resumeAt: Date?
    var by: String?

    init(_ pause: QueuePause) {
        queue = pause.queue
        reason = pause.reason
        pausedAt = pause.pausedAt
        resumeAt = pause.resumeAt
        by = pause.by
    }
}
