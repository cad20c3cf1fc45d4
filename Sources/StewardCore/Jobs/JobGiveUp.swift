/// The store's handle on the transaction that is ending a job; a kind's give-up hook writes its
/// own rows through it, so they commit or roll back with the job's new state. Each store conforms
/// its connection type (SQLite: GRDB's `Database`).
public protocol JobTransaction: AnyObject {}

/// A job that ended without completing: discarded (however that happened) or cancelled.
public struct GivenUpJob: Sendable, Equatable {
    public var job: Job
    /// `.discarded` or `.cancelled`.
    public var state: JobState
    /// Why: the last attempt's error, or who cancelled it.
    public var reason: String

    public init(job: Job, state: JobState, reason: String) {
        self.job = job
        self.state = state
        self.reason = reason
    }
}

/// Runs inside the transaction that discards or cancels a job of its kind, whichever way that
/// happens (a handler's failure, a permanent error, a timeout, the rescuer, an operator), so the
/// kind's own records (an import, an export run, a delivery) never outlive their job unfinished.
public typealias JobGiveUpHook = @Sendable (GivenUpJob, any JobTransaction) throws -> Void

/// The give-up hooks of the registered kinds, by kind name.
public struct JobGiveUpHooks: Sendable {
    public var byKind: [String: JobGiveUpHook]

    public init(_ byKind: [String: JobGiveUpHook] = [:]) { self.byKind = byKind }

    public static let none = JobGiveUpHooks()

    public subscript(kind: String) -> JobGiveUpHook? { byKind[kind] }
}
