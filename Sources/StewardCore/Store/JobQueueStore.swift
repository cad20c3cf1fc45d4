public import Foundation

/// What the worker pool needs from a store. Implementations keep their SQL dialect to themselves
/// and must pass `JobStoreConformance` (StewardTesting).
///
/// Every method that changes a running job is guarded by its lease (`id` and `token`): a worker
/// whose lease was rescued or cancelled changes nothing.
public protocol JobQueueStore: Sendable {
    /// Fired after commits that may have made work available (same process or, once noticed,
    /// another one).
    var notifications: JobNotifications { get }

    /// Inserts jobs in one transaction. A job whose unique key matches an existing job in its
    /// `uniqueStates` is not inserted: the existing job is returned with `inserted == false`.
    func jobInsertMany(_ jobs: [NewJob], now: Date) async throws -> [InsertResult]

    /// Makes due `scheduled`/`retryable` jobs of the queue `available`, then claims up to `limit`
    /// of them in priority, run_at, id order under fresh leases.
    func jobClaim(_ params: JobClaimParams) async throws -> [Job]

    /// Applies outcomes in one transaction; returns the ids whose lease no longer held (ignored).
    /// A job discarded here has its kind's give-up hook run and `job.discarded` recorded in the
    /// same transaction.
    func jobFinishMany(_ finishes: [JobFinish], now: Date, hooks: JobGiveUpHooks) async throws -> Set<JobID>

    /// Extends the leases that still hold until `expiresAt`; returns the ids that were lost.
    func jobHeartbeat(_ leases: [Lease], expiresAt: Date) async throws -> Set<JobID>

    /// Ends `running` jobs whose lease expired before `now` with the outcome `decide` picks (the
    /// pool passes `LeaseLossRule`), in one transaction, running give-up hooks as
    /// `jobFinishMany` does; returns what it did.
    func jobRescueExpired(
        now: Date, limit: Int, hooks: JobGiveUpHooks, decide: @Sendable (Job) -> JobOutcome
    ) async throws -> [RescuedJob]

    /// The earliest `run_at` of a waiting (`scheduled`/`retryable`) job in the queue.
    func jobNextRunAt(queue: String) async throws -> Date?

    /// Deletes finished jobs older than the cut-offs, in batches; returns how many went.
    func jobPrune(_ params: JobPruneParams) async throws -> Int

    /// Watches for commits by other processes and fires `notifications` when one happens;
    /// returns when the task is cancelled.
    func watchForeignCommits(every interval: Duration, clock: some JobClock) async throws
}

extension JobQueueStore {
    public func jobFinishMany(_ finishes: [JobFinish], now: Date) async throws -> Set<JobID> {
        try await jobFinishMany(finishes, now: now, hooks: .none)
    }

    public func jobRescueExpired(now: Date, limit: Int, decide: @Sendable (Job) -> JobOutcome) async throws -> [RescuedJob] {
        try await jobRescueExpired(now: now, limit: limit, hooks: .none, decide: decide)
    }
}

public struct JobClaimParams: Sendable, Equatable {
    public var queue: String
    public var limit: Int
    public var owner: String
    public var leaseDuration: Duration
    public var now: Date

    public init(queue: String, limit: Int, owner: String, leaseDuration: Duration, now: Date) {
        self.queue = queue
        self.limit = limit
        self.owner = owner
        self.leaseDuration = leaseDuration
        self.now = now
    }
}

public struct JobPruneParams: Sendable, Equatable {
    public var completedBefore: Date
    public var discardedBefore: Date
    public var batchSize: Int

    public init(completedBefore: Date, discardedBefore: Date, batchSize: Int = 1000) {
        self.completedBefore = completedBefore
        self.discardedBefore = discardedBefore
        self.batchSize = batchSize
    }
}

public struct RescuedJob: Sendable, Equatable {
    public var id: JobID
    public var kind: String
    public var queue: String
    public var state: JobState

    public init(id: JobID, kind: String, queue: String, state: JobState) {
        self.id = id
        self.kind = kind
        self.queue = queue
        self.state = state
    }
}
