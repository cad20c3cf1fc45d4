import StewardApp
import ArgumentParser
import Foundation
import StewardCore
import StewardCRM
import StewardSQLite
import StewardWorkflows

/// `steward import FILE --profile NAME [--wait]`: copies the file beside the database, records
/// the import, enqueues its job and prints its id at once.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import a CSV file in the background with a profile from the workflow files.")

    @Argument(help: "The CSV file, or - for standard input.") var file: String
    @Option(help: "Import profile (a `kind: import` workflow file).") var profile: String
    @Flag(help: "Show progress until the import is done, working it in this process too.") var wait = false
    @Option(help: "Directory of workflow files.") var workflows = "Workflows"
    @Option(help: "Who imports (default $USER).") var by: String?
    @Option(name: .customLong("batch-size"), parsing: .unconditional, help: "Rows per transaction and checkpoint.", transform: NumberOptions.positive) var batchSize: Int?
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let context = CommandContext.current
        let set = try WorkflowDirectory.load(workflows, required: true, context: context) ?? WorkflowSet()
        let definition = try ImportRequest.profile(profile, in: set, source: workflows)
        try ImportRequest.checkBatchSize(batchSize)
        // Copied and checked before the database is opened, so a refused file leaves no new
        // database behind; the input is read once, so a pipe or standard input works too.
        let staged = try stage(definition, context: context)
        let store: SQLiteJobStore
        do { store = try database.open() } catch { staged.discard(); throw error }
        let record = try await ImportService(store: store, clock: context.clock)
            .submit(staged, profile: definition, createdBy: by ?? context.environment["USER"], batchSize: batchSize)
        context.print("import \(record.id): \(record.fileName) (\(record.size) bytes, sha256 \(record.sha256.prefix(12))…) queued as job \(record.jobID ?? 0)")
        guard wait else { return }
        let finished = try await ImportWaiter(store: store, context: context).wait(for: record.id)
        context.print(ImportView.summary(finished))
    }

    /// `-` reads standard input, with a line counting the bytes as they arrive.
    private func stage(_ profile: ImportProfileDefinition, context: CommandContext) throws -> StagedImport {
        guard file == "-" else { return try ImportService.stage(file: URL(fileURLWithPath: file), databasePath: database.path, profile: profile) }
        var shown = 0
        defer { if shown > 0 { context.errorOutput.write("\n") } }
        return try ImportService.stage(context.input, fileName: "stdin", databasePath: database.path, profile: profile) { bytes in
            guard bytes - shown >= 4 << 20 else { return }
            shown = bytes
            context.errorOutput.write("\rreading standard input: \(bytes >> 20) MiB")
        }
    }
}
