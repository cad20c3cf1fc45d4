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
    /// Each queue with jobs waiting or running, or finished in the window: its depth per active
    /// state (scheduled, available, running, retryable), its oldest available job, and how many
    /// jobs completed and were discarded in the `window` before `now`. Finished jobs are not
    /// counted beyond the window, so the answer stays cheap on a large store.
    func queueStats(now: Date, window: Duration) async throws -> [QueueStats]
}

extension JobAdminStore {
    public func jobCancel(id: JobID, now: Date) async throws -> Job {
        try await jobCancel(id: id, now: now, hooks: .none)
    }
}

/// Everything a store offers.
public typealias JobStore = JobQueueStore & JobAdminStore & QueuePauseStore & JobActivityStore & WorkerProcessStore

public struct JobListParams: Sendable, Equatable {
    public var states: [JobState]
    public var queue: String?
    public var kind: String?
    public var limit: Int
    /// Return jobs with `id < beforeID` (newest first), for paging.
    public var beforeID: JobID?
    /// Only jobs whose arguments hold these values (`account_id` = `42`; a dotted key reaches
    /// into an object). A value that reads as a number matches the number.
    public var args: [JobArgumentFilter]

    public init(states: [JobState] = [], queue: String? = nil, kind: String? = nil, limit: Int = 50, beforeID: JobID? = nil,
                args: [JobArgumentFilter] = []) {
        self.states = states
        self.queue = queue
        self.kind = kind
        self.limit = limit
        self.beforeID = beforeID
        self.args = args
    }
}

/// `key=value` on a job's arguments.
public struct JobArgumentFilter: Sendable, Equatable {
    /// Checked at parsing, so a store may write it into its query as a JSON path.
    public let key: String
    public let value: String

    /// Parses `key=value`; a key is ASCII letters, digits and `_`, with `.` between the names of
    /// nested keys (`deal.stage`).
    public init(parsing text: String) throws {
        let parts = text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2, Self.isKey(parts[0]) else {
            throw StewardError(.invalidArguments, "'\(text)' is not an argument filter KEY=VALUE", fix: "write e.g. account_id=42")
        }
        key = parts[0]
        value = parts[1]
    }

    public static func isKey(_ text: String) -> Bool {
        let names = text.split(separator: ".", omittingEmptySubsequences: false)
        return names.allSatisfy { name in !name.isEmpty && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") } }
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
