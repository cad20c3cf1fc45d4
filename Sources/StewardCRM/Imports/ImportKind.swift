public import Logging
public import StewardCore
public import StewardSQLite
import Foundation
import GRDB

/// `import` jobs on the `imports` queue: `{"import": 12}` works import 12 from its checkpoint.
/// Failures back off; a lost lease (a crashed worker) runs again at once, since the checkpoint
/// makes that safe, and each checkpoint shows the job is making progress rather than crashing
/// its workers. When the job is given up however that happens, its give-up hook ends the
/// import in the same transaction: `failed` with `import.failed`, or `cancelled`.
public enum ImportKind {
    public static let name = "import"
    public static let queue = "imports"

    public static func make(store: SQLiteJobStore, clock: any JobClock, logger: Logger) -> JobKind {
        let policy = RetryPolicy(maxAttempts: 5, backoff: .schedule([.seconds(10), .seconds(60), .seconds(300)]))
        return JobKind(name: name, retryPolicy: policy, checkArguments: checkArguments, onGiveUp: { given, transaction in
            try giveUp(given, db: transaction.sqlite(), store: store, now: clock.now())
        }) { context in
            let args = try context.arguments(Args.self)
            let runner = ImportRunner(store: store, clock: clock, logger: context.logger)
            try await runner.run(args.import, batchSize: args.batch_size ?? ImportRunner.defaultBatchSize, jobID: context.job.id)
            return .completed
        }
    }

    struct Args: Decodable { var `import`: Int64; var batch_size: Int? }

    /// `{"import": ID}` with an id that can exist, and a batch size in range if one is given.
    public static let checkArguments: JobArgumentCheck = { json in
        let args = try JobArguments.decode(Args.self, from: json, kind: name)
        guard args.import > 0 else { throw JobArguments.invalid(name, field: "import", "must be an import id (1 or more)") }
        if let size = args.batch_size, !ImportRunner.batchSizes.contains(size) {
            throw JobArguments.invalid(name, field: "batch_size", "must be from 1 to 50000 (got \(size))")
        }
    }

    /// An import still under way when its job is given up ends with it; one already finished
    /// (or failed by the runner itself) is left alone.
    static func giveUp(_ given: GivenUpJob, db: Database, store: SQLiteJobStore, now: Date) throws {
        struct Args: Decodable { var `import`: Int64 }
        guard let id = try? JSONDecoder().decode(Args.self, from: Data(given.job.args.utf8)).import else { return }
        switch given.state {
        case .cancelled:
            try ImportRecords.markCancelled(id, now: now, db: db)
        default:
            try ImportRecords.markFailed(id, error: "job \(given.job.id) gave up: \(given.reason)", now: now, store: store, db: db)
        }
    }
}
