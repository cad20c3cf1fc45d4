public import StewardCore
public import StewardWorkflows

/// Names and job templates of the cadence job kinds, shared by the code that enqueues them and
/// the handlers that run them.
public enum CadenceJobs {
    public static let enroll = "cadence_enroll"
    public static let generate = "cadence_generate"
    public static let stop = "cadence_stop"
    public static let queue = "cadences"

    /// Generation for a batch of enrollments (one job per batch keeps the queue small when a
    /// winback scan flags thousands of accounts at once).
    public static func generateJob(_ enrollments: [Int64]) -> NewJob {
        NewJob(kind: generate, queue: queue, maxAttempts: 5).addingArguments(["enrollments": enrollments])
    }

    /// Enrollments per generation job. Each transaction costs a commit (and, every few, a WAL
    /// checkpoint), so larger batches plan faster: 1,000 → ≈300k activities/s, 2,500 → ≈390k,
    /// 5,000 → ≈420k (bench/cadence). 2,500 holds the write lock ≈30 ms per job, short enough
    /// not to hold up other queues' claims noticeably.
    public static let batchSize = 2500
}

extension CadenceJobs {
    public static let kinds = [enroll, generate, stop]

    /// A cadence's `stop_on` events, each routed to a `cadence_stop` job for that cadence.
    public static func stopRoutes(_ cadence: CadenceDefinition) -> [EventRoute] {
        let job = NewJob(kind: stop, queue: queue).addingArguments(["cadence": cadence.name])
        return cadence.stopOn.map { EventRoute(name: "cadence-stop:\(cadence.name)", event: $0.rawValue, job: job) }
    }
}
