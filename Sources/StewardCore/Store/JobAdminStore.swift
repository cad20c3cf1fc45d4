public import Foundation

/// What operators need: look-ups, listings, manual retry and cancel, counts.
public protocol JobAdminStore: Sendable {
    func jobGet(id: JobID) async throws -> Job?
    func jobList(_ params: JobListParams) async throws -> [Job]
    /// Makes a job that is not running `available` now, granting one more attempt if its
    /// attempts are spent. Throws `jobNotFound` or `invalidTransition` (running).
    func jobRetry(id: JobID, now: Date) async throws -> Job
    /// Moves a job that is not final to `cancelled`; a running job's worker loses its lease and
    /// its handler is cancelled at the next heartbeat. The kind's give-up hook runs in the same
    /// transaction. Throws `jobNotFound` or `invalidTransition`.
    func jobCancel(id: JobID, now: Date, hooks: JobGiveUpHooks) async throws -> Job
    func jobCountByState() async throws -> [JobCount]
}

extension JobAdminStore {
    public func jobCancel(id: JobID, now: Date) async throws -> Job {
        try await jobCancel(id: id, now: now, hooks: .none)
    }
}

/// Everything a store offers.
public typealias JobStore = JobQueueStore & JobAdminStore & QueuePauseStore

public struct JobListParams: Sendable, Equatable {
    public var states: [JobState]
    public var queue: String?
    public var kind: String?
    public var limit: Int
    /// Return jobs with `id < beforeID` (newest first), for paging.
    public var beforeID: JobID?

    public init(states: [JobState] = [], queue: String? = nil, kind: String? = nil, limit: Int = 50, beforeID: JobID? = nil) {
        self.states = states
        self.queue = queue
        self.kind = kind
        self.limit = limit
        self.beforeID = beforeID
    }
}

public struct JobCount: Sendable, Equatable, Hashable {
    public var queue: String
    public var state: JobState
    public var count: Int

    public init(queue: String, state: JobState, count: Int) {
        self.queue = queue
        self.state = state
        self.count = count
    }
}
