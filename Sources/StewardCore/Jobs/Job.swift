public import Foundation

public typealias JobID = Int64

/// A job as stored: the row a store returns from claims, look-ups and listings.
public struct Job: Sendable, Equatable, Identifiable {
    public var id: JobID
    public var kind: String
    public var queue: String
    /// The handler's arguments, as UTF-8 JSON.
    public var args: String
    public var priority: Int
    public var state: JobState
    /// Attempts started so far, including the running one.
    public var attempt: Int
    public var maxAttempts: Int
    public var runAt: Date
    public var createdAt: Date
    public var attemptedAt: Date?
    public var finalizedAt: Date?
    public var lease: Lease?
    public var uniqueKey: String?
    public var errors: [AttemptError]
    /// Leases lost in a row without the handler returning (see `LeaseLossRule`).
    public var leaseLosses: Int

    public init(
        id: JobID, kind: String, queue: String, args: String, priority: Int, state: JobState,
        attempt: Int, maxAttempts: Int, runAt: Date, createdAt: Date, attemptedAt: Date? = nil,
        finalizedAt: Date? = nil, lease: Lease? = nil, uniqueKey: String? = nil, errors: [AttemptError] = [],
        leaseLosses: Int = 0
    ) {
        self.id = id
        self.kind = kind
        self.queue = queue
        self.args = args
        self.priority = priority
        self.state = state
        self.attempt = attempt
        self.maxAttempts = maxAttempts
        self.runAt = runAt
        self.createdAt = createdAt
        self.attemptedAt = attemptedAt
        self.finalizedAt = finalizedAt
        self.lease = lease
        self.uniqueKey = uniqueKey
        self.errors = errors
        self.leaseLosses = leaseLosses
    }
}

/// A worker's claim on a running job. `token` changes on every claim, so a worker whose lease was
/// rescued and handed to another cannot change the job any more.
public struct Lease: Sendable, Hashable {
    public var jobID: JobID
    public var owner: String
    public var token: Int64
    public var expiresAt: Date

    public init(jobID: JobID, owner: String, token: Int64, expiresAt: Date) {
        self.jobID = jobID
        self.owner = owner
        self.token = token
        self.expiresAt = expiresAt
    }
}

/// One failed attempt, appended to the job's error list.
public struct AttemptError: Sendable, Equatable, Codable {
    public var at: Date
    public var attempt: Int
    public var message: String

    public init(at: Date, attempt: Int, message: String) {
        self.at = at
        self.attempt = attempt
        self.message = message
    }
}
