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

    @Argument(help: "The CSV file.") var file: String
    @Option(help: "Import profile (a `kind: import` workflow file).") var profile: String
    @Flag(help: "Show progress until the import is done, working it in this process too.") var wait = false
    @Option(help: "Directory of workflow files.") var workflows = "Workflows"
    @Option(help: "Who imports (default $USER).") var by: String?
    @Option(name: .customLong("batch-size"), parsing: .unconditional, help: "Rows per transaction and checkpoint.", transform: NumberOptions.positive) var batchSize: Int?
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let context = CommandContext.current
        let set = try WorkflowDirectory.load(workflows, required: true, context: context) ?? WorkflowSet()
        guard let definition = set.imports[profile] else {
            throw StewardError(.invalidArguments, "no import profile named '\(profile)' in \(workflows)",
                               fix: set.imports.isEmpty ? "add a `kind: import` file" : "defined: \(set.imports.keys.sorted().joined(separator: ", "))")
        }
        if let batchSize, !ImportRunner.batchSizes.contains(batchSize) {
            throw StewardError(.invalidArguments, "--batch-size must be between 1 and 50000", fix: "try 5000")
        }
        // Checked before the database is opened, so a refused file leaves no new database behind.
        try ImportService.checkFile(URL(fileURLWithPath: file), profile: definition)
        let store = try database.open()
        let record = try await ImportService(store: store, clock: context.clock)
            .submit(file: URL(fileURLWithPath: file), profile: definition, createdBy: by ?? context.environment["USER"], batchSize: batchSize)
        context.print("import \(record.id): \(record.fileName) (\(record.size) bytes, sha256 \(record.sha256.prefix(12))…) queued as job \(record.jobID ?? 0)")
        guard wait else { return }
        let finished = try await ImportWaiter(store: store, context: context).wait(for: record.id)
        context.print(ImportView.summary(finished))
    }
}
