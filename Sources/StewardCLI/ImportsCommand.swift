import ArgumentParser
import Foundation
import StewardCore
import StewardCRM
import StewardSQLite

/// `steward imports list|show|cancel|errors|retry|history`.
struct ImportsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "imports", abstract: "Follow, cancel and retry CSV imports.",
        subcommands: [ImportsListCommand.self, ImportsShowCommand.self, ImportsCancelCommand.self, ImportsErrorsCommand.self,
                      ImportsRetryCommand.self, ImportsHistoryCommand.self]
    )
}

struct ImportsListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Imports and retries, newest first.")

    @Option(parsing: .unconditional, help: "At most this many.", transform: NumberOptions.positive) var limit = 50
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let imports = try await database.open(mustExist: true).importList(limit: limit).map(ImportView.init)
        let context = CommandContext.current
        if output.json { return context.print(try JSONOutput.render(imports.map(\.jsonObject))) }
        context.print(Table(headers: ImportView.tableHeaders, rows: imports.map(\.tableRow)).render())
    }
}

struct ImportsShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "One import: file, status, progress and counts.")

    @Argument(help: "Import id.") var id: Int64
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let record = try await database.open(mustExist: true).importGet(id: id)
        if output.json { return CommandContext.current.print(try JSONOutput.render(ImportView(record: record).jsonObject)) }
        for (key, value) in ImportView(record: record).details {
            CommandContext.current.print(key.padding(toLength: 12, withPad: " ", startingAt: 0) + value)
        }
    }
}

struct ImportsCancelCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "cancel", abstract: "Cancel an import; rows already committed stay.")

    @Argument(help: "Import id.") var id: Int64
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let context = CommandContext.current
        let record = try await ImportService(store: database.open(mustExist: true), clock: context.clock).cancel(id: id, by: context.environment["USER"] ?? "cli")
        context.print(record.status == .cancelled ? "import \(id) is cancelled"
                      : "import \(id): cancel requested; it stops after its current batch, keeping the rows committed so far")
    }
}

struct ImportsErrorsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "errors", abstract: "An import's failed rows, as a table or as CSV to correct and retry.")

    @Argument(help: "Import id.") var id: Int64
    @Flag(help: "The error report as CSV: __line, __error_code, __error_field, __error_message, then each failed record as it was.") var csv = false
    @Option(help: "Write the CSV to this file, byte for byte (needed when the records are not UTF-8).") var output: String?
    @Flag(help: "Only errors not yet fixed by a retry.") var unresolved = false
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let store = try database.open(mustExist: true)
        let context = CommandContext.current
        guard csv || output != nil else {
            let errors = try await store.importErrors(id: id, unresolvedOnly: unresolved)
            let rows = errors.map { [String($0.line), $0.category.rawValue, $0.field ?? "", $0.message, $0.resolved ? "yes" : ""] }
            return context.print(Table(headers: ["LINE", "CATEGORY", "FIELD", "MESSAGE", "RESOLVED"], rows: rows).render())
        }
        let service = ImportService(store: store, clock: context.clock)
        if let output { return try write(service, to: output) }
        let report = try service.errorReport(id: id, unresolvedOnly: unresolved)
        guard let text = String(validating: report, as: UTF8.self) else {
            throw StewardError(.invalidArguments, "import \(id)'s failed records are not UTF-8, so they cannot be printed as they were",
                               fix: "write them byte for byte with --output FILE")
        }
        context.output.write(text)
    }

    /// Streamed to the file, so a report of many failed rows is never held in memory.
    private func write(_ service: ImportService, to path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil), let file = FileHandle(forWritingAtPath: path) else {
            throw StewardError(.invalidArguments, "cannot write \(path)", fix: "check the path and its folder's permissions")
        }
        defer { try? file.close() }
        try service.writeErrorReport(id: id, unresolvedOnly: unresolved) { try file.write(contentsOf: $0) }
    }
}

struct ImportsRetryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "retry", abstract: "Import an import's unresolved failed rows again, as a new linked import.")

    @Argument(help: "Import id.") var id: Int64
    @Option(help: "A corrected error report (from `imports errors ID --csv`); rows are matched by __line.") var file: String?
    @Flag(help: "Show progress until the retry is done, working it in this process too.") var wait = false
    @Option(help: "Who retries (default $USER).") var by: String?
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let context = CommandContext.current
        let store = try database.open(mustExist: true)
        let record = try await ImportService(store: store, clock: context.clock)
            .retry(id: id, correctedFile: file.map { URL(fileURLWithPath: $0) }, createdBy: by ?? context.environment["USER"])
        context.print("import \(record.id): retry of import \(id) queued as job \(record.jobID ?? 0)")
        guard wait else { return }
        context.print(ImportView.summary(try await ImportWaiter(store: store, context: context).wait(for: record.id)))
    }
}

struct ImportsHistoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "history", abstract: "Imports with their retries beneath them.")

    @Option(parsing: .unconditional, help: "At most this many imports.", transform: NumberOptions.positive) var limit = 200
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let imports = try await database.open(mustExist: true).importList(limit: limit)
        let children = Dictionary(grouping: imports.filter { $0.parentID != nil }, by: { $0.parentID! })
        var rows: [[String]] = []
        func add(_ record: ImportRecord, depth: Int) {
            var row = ImportView(record: record).tableRow
            row[0] = String(repeating: "  ", count: depth) + (depth > 0 ? "└ " : "") + row[0]
            rows.append(row)
            for child in (children[record.id] ?? []).sorted(by: { $0.id < $1.id }) { add(child, depth: depth + 1) }
        }
        let known = Set(imports.map(\.id))
        for root in imports.filter({ $0.parentID.map { !known.contains($0) } ?? true }) { add(root, depth: 0) }
        CommandContext.current.print(Table(headers: ImportView.tableHeaders, rows: rows).render())
    }
}
