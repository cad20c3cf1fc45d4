public import StewardCore
import StewardSQLite
public import StewardWorkflows
import Foundation
import Logging

/// `export` jobs: `{"export": "weekly-pipeline"}` runs that export definition.
public enum ExportKind {
    public static let name = "export"

    public static func make(runner: ExportRunner, definitions: WorkflowDefinitions, clock: any JobClock) -> JobKind {
        let policy = RetryPolicy(maxAttempts: 5, backoff: .exponential(base: .seconds(30), cap: .seconds(1800)))
        return JobKind(name: name, retryPolicy: policy, checkArguments: checkArguments, onGiveUp: { given, transaction in
            try ExportRunRecords.failRuns(ofJob: given.job.id, error: "job \(given.job.id) gave up: \(given.reason)",
                                          now: clock.now(), store: runner.store, db: transaction.sqlite())
        }) { context in
            let args = try context.arguments(Args.self)
            guard let export = definitions.set.exports[args.export] else {
                throw JobPermanentError("no export named '\(args.export)' in the workflow files")
            }
            // A scheduled run is dated by its tick, so a caught-up run gets its own file and dates.
            let date = args.tick.flatMap { try? Date($0, strategy: .iso8601) } ?? clock.now()
            let run = try await runner.run(export, now: date, jobID: context.job.id)
            context.logger.info("export written", metadata: ["export": "\(export.name)", "rows": "\(run.rows ?? 0)", "path": "\(run.path ?? "")"])
            return .completed
        }
    }

    struct Args: Decodable { var export: String; var tick: String? }

    /// `{"export": NAME}`; whether the name is defined is the job's to say (files reload).
    public static let checkArguments: JobArgumentCheck = { _ = try JobArguments.decode(Args.self, from: $0, kind: name) }

    /// A scheduled export is a scheduled `export` job on the `exports` queue.
    public static func scheduledJob(_ export: ExportDefinition) -> ScheduledJob? {
        export.timing?.scheduledJob(
            name: "export:\(export.name)", job: NewJob(kind: name, queue: "exports").addingArguments(["export": export.name])
        )
    }
}
