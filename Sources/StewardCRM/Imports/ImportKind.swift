public import Logging
public import StewardCore
public import StewardSQLite

/// `import` jobs on the `imports` queue: `{"import": 12}` works import 12 from its checkpoint.
/// A crash or lease loss retries at once (the checkpoint makes that safe); later retries back off.
public enum ImportKind {
    public static let name = "import"
    public static let queue = "imports"

    public static func make(store: SQLiteJobStore, clock: any JobClock, logger: Logger) -> JobKind {
        let policy = RetryPolicy(maxAttempts: 5, backoff: .schedule([.zero, .seconds(10), .seconds(60), .seconds(300)]))
        return JobKind(name: name, retryPolicy: policy) { context in
            struct Args: Decodable { var `import`: Int64; var batch_size: Int? }
            let args = try context.arguments(Args.self)
            let runner = ImportRunner(store: store, clock: clock, logger: context.logger)
            do {
                try await runner.run(args.import, batchSize: args.batch_size ?? ImportRunner.defaultBatchSize, jobID: context.job.id)
            } catch {
                if isFinal(error, job: context.job) { try await runner.giveUp(args.import, error: "job \(context.job.id) gave up: \(error)") }
                throw error
            }
            return .completed
        }
    }

    /// Whether the pool will not run this job again after `error`. A stop (cancellation) or a
    /// worker that lost its import to a rescued job is not the import's failure.
    static func isFinal(_ error: any Error, job: Job) -> Bool {
        if error is CancellationError { return false }
        if let error = error as? StewardError, error.code == .invalidTransition { return false }
        return error is JobPermanentError || job.attempt >= job.maxAttempts
    }
}
