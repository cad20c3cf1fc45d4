/// The closed vocabulary of job states. See `docs/job-states.md` for the diagram.
///
/// - `scheduled`: waiting for `runAt`; becomes `available` when due.
/// - `available`: may be claimed by a worker now.
/// - `running`: claimed under a lease that the worker keeps extending.
/// - `retryable`: failed, will be `available` again at `runAt`.
/// - `completed`, `discarded`, `cancelled`: final; kept until pruned.
public enum JobState: String, Sendable, Codable, CaseIterable, CustomStringConvertible {
    case scheduled
    case available
    case running
    case retryable
    case completed
    case discarded
    case cancelled

    /// Final states are never left except by an explicit manual retry.
    public var isFinal: Bool {
        switch self {
        case .completed, .discarded, .cancelled: true
        case .scheduled, .available, .running, .retryable: false
        }
    }

    /// One bit per state, so a set of states fits in one integer column (used by unique keys).
    public var bit: Int {
        switch self {
        case .scheduled: 1
        case .available: 2
        case .running: 4
        case .retryable: 8
        case .completed: 16
        case .discarded: 32
        case .cancelled: 64
        }
    }

    public var description: String { rawValue }
}

/// A set of states stored as a bit mask.
public struct JobStateSet: Sendable, Hashable {
    public var rawValue: Int

    public init(rawValue: Int) { self.rawValue = rawValue }

    public init(_ states: [JobState]) {
        rawValue = states.reduce(0) { $0 | $1.bit }
    }

    public func contains(_ state: JobState) -> Bool { rawValue & state.bit != 0 }

    /// A duplicate is unwanted while a job waits, runs or has completed; a discarded or cancelled
    /// job does not block a new one with the same key.
    public static let uniqueDefault = JobStateSet([.scheduled, .available, .running, .retryable, .completed])

    /// Every unique set must hold these: a job moves between them on its own (promotion, claim,
    /// retry), and a move into a state the set holds could collide with another job's key.
    public static let uniqueRequired = JobStateSet([.scheduled, .available, .running, .retryable])

    public func isSuperset(of other: JobStateSet) -> Bool { rawValue & other.rawValue == other.rawValue }
}
