public import Foundation

/// What a caller asks to enqueue. Defaults suit most jobs: the `default` queue, priority 0 (lower
/// runs first), due now, the kind's retry policy decides `maxAttempts` when left nil.
public struct NewJob: Sendable, Equatable {
    public var kind: String
    public var args: String
    public var queue: String
    public var priority: Int
    public var runAt: Date?
    public var maxAttempts: Int?
    /// When set, an insert whose key matches a job in one of `uniqueStates` returns that job.
    public var uniqueKey: String?
    public var uniqueStates: JobStateSet

    public init(
        kind: String, args: String = "{}", queue: String = "default", priority: Int = 0,
        runAt: Date? = nil, maxAttempts: Int? = nil, uniqueKey: String? = nil,
        uniqueStates: JobStateSet = .uniqueDefault
    ) {
        self.kind = kind
        self.args = args
        self.queue = queue
        self.priority = priority
        self.runAt = runAt
        self.maxAttempts = maxAttempts
        self.uniqueKey = uniqueKey
        self.uniqueStates = uniqueStates
    }

    /// Encodes `args` as JSON for the job.
    public init<Args: Encodable>(kind: String, encoding args: Args, queue: String = "default") throws {
        let data = try JSONEncoder().encode(args)
        self.init(kind: kind, args: String(decoding: data, as: UTF8.self), queue: queue)
    }
}

extension NewJob {
    /// Checks what any store relies on; stores call it before inserting.
    public func validate() throws {
        if uniqueKey != nil, !uniqueStates.isSuperset(of: .uniqueRequired) {
            throw StewardError(.invalidArguments, "unique states for job kind '\(kind)' must include scheduled, available, running and retryable",
                               fix: "add completed, discarded or cancelled to the default set, never remove from it")
        }
        if let maxAttempts, maxAttempts < 1 {
            throw StewardError(.invalidArguments, "max attempts must be ≥ 1 (got \(maxAttempts))")
        }
    }
}

/// The result of an insert: the stored job, and whether it was new or an existing unique match.
public struct InsertResult: Sendable, Equatable {
    public var job: Job
    public var inserted: Bool

    public init(job: Job, inserted: Bool) {
        self.job = job
        self.inserted = inserted
    }
}

extension NewJob {
    /// A queue no worker can serve (an empty or blank name) is refused, so a job never waits
    /// forever for nobody.
    public func checkQueue() throws {
        try Self.checkQueueName(queue)
    }

    /// A queue a worker can serve: not empty or blank (a pause of one, too).
    public static func checkQueueName(_ queue: String) throws {
        guard !queue.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw StewardError(.invalidArguments, "the queue name is empty: no worker could ever serve the job",
                               fix: "leave --queue out for `default`, or name a queue `steward run` serves")
        }
    }
}
