public import Foundation

/// How a running job's attempt ended; the store applies it only while the lease still holds.
public enum JobOutcome: Sendable, Equatable {
    /// → `completed`.
    case completed
    /// → `retryable`, due at `at`; the error is appended to the job's list.
    case retry(at: Date, error: String)
    /// → `discarded`: attempts exhausted or a permanent error.
    case discard(error: String)
    /// → `scheduled` at `until`; the attempt does not count.
    case snooze(until: Date)
    /// → `retryable` at `at` after a failed attempt the kind retries on its own schedule: the
    /// attempt does not count, the error is appended.
    case retryLater(at: Date, error: String)
    /// → `available` at once; the attempt does not count (shutdown returned the job unfinished).
    case release
    /// → `available` at once after the rescuer found the lease expired: the attempt does not
    /// count, the job's lease-loss count goes up and the error is appended (see `LeaseLossRule`).
    case leaseLost(error: String)

    /// The state the job ends up in.
    public var resultingState: JobState {
        switch self {
        case .completed: .completed
        case .retry, .retryLater: .retryable
        case .discard: .discarded
        case .snooze: .scheduled
        case .release, .leaseLost: .available
        }
    }
}

/// One outcome to apply, under the lease it was earned with.
public struct JobFinish: Sendable, Equatable {
    public var lease: Lease
    public var outcome: JobOutcome

    public init(lease: Lease, outcome: JobOutcome) {
        self.lease = lease
        self.outcome = outcome
    }
}
