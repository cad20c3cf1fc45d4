import StewardApp
import ArgumentParser
import Foundation
import Logging
import StewardCore
import StewardCRM
import StewardSQLite
import StewardWorkflows

/// `steward exports run|history`.
struct ExportsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exports", abstract: "Run exports on demand and see their history.",
        subcommands: [ExportsRunCommand.self, ExportsHistoryCommand.self]
    )
}

struct ExportsRunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "run", abstract: "Run an export now and print where its file is.")

    @Argument(help: "Export name from the workflow files.") var name: String
    @Option(help: "Directory of workflow files.") var workflows = "Workflows"
    @Option(name: .customLong("exports-dir"), help: "Where export files are written.") var exportsDir = "exports"
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let context = CommandContext.current
        let set = try WorkflowDirectory.load(workflows, required: true, context: context) ?? WorkflowSet()
        guard let export = set.exports[name] else {
            throw StewardError(.invalidArguments, "no export named '\(name)' in \(workflows)",
                               fix: "defined: \(set.exports.keys.sorted().joined(separator: ", "))")
        }
        let runner = ExportRunner(store: try database.open(), directory: URL(fileURLWithPath: exportsDir), logger: Logger(label: "steward"))
        let run = try await runner.run(export, now: context.clock.now())
        context.print("\(exportsDir)/\(run.path ?? ""): \(run.rows ?? 0) rows, \(run.bytes ?? 0) bytes, sha256 \(run.sha256 ?? "")")
    }
}

struct ExportsHistoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "history", abstract: "Recent export runs, newest first.")

    @Option(help: "Only this export.") var export: String?
    @Option(parsing: .unconditional, help: "At most this many.", transform: NumberOptions.positive) var limit = 20
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let runs = try await database.open(mustExist: true).exportHistory(export: export, limit: limit)
        let context = CommandContext.current
        if output.json {
            return context.print(try JSONOutput.render(runs.map { run in
                ["id": run.id, "export": run.export, "status": run.status.rawValue, "started_at": Timestamps.iso(run.startedAt),
                 "rows": run.rows ?? NSNull(), "bytes": run.bytes ?? NSNull(), "sha256": run.sha256 ?? NSNull(),
                 "path": run.path ?? NSNull(), "error": run.error ?? NSNull()] as [String: Any]
            }))
        }
        let rows = runs.map { run in
            [String(run.id), run.export, run.status.rawValue, Timestamps.iso(run.startedAt), run.rows.map(String.init) ?? "",
             run.path ?? "", JobView.shorten(run.error ?? "")]
        }
        context.print(Table(headers: ["ID", "EXPORT", "STATUS", "STARTED", "ROWS", "PATH", "ERROR"], rows: rows).render())
    }
}
