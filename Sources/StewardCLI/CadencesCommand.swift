import StewardApp
import ArgumentParser
import Foundation
import Logging
import StewardCore
import StewardCRM
import StewardSQLite
import StewardWorkflows

/// `steward cadences list|show|enroll|pause|resume|stop`.
struct CadencesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cadences", abstract: "Cadence templates and the records enrolled in them.",
        subcommands: [CadencesListCommand.self, CadencesShowCommand.self, CadencesEnrollCommand.self,
                      CadencesPauseCommand.self, CadencesResumeCommand.self, CadencesStopCommand.self]
    )

    /// Loads the workflow files and stores every cadence's current version.
    static func syncedDefinitions(_ directory: String, store: SQLiteJobStore, context: CommandContext) async throws -> WorkflowSet {
        let set = try WorkflowDirectory.load(directory, required: true, context: context) ?? WorkflowSet()
        try await CadenceService(store: store).sync(set.cadences.values.sorted { $0.name < $1.name }, now: context.clock.now())
        return set
    }

    /// `steward run` stores the cadences it loads and reloads; a failure is logged (jobs then
    /// keep the stored current version, or store their file's when none is).
    static func describe(_ enrollment: CadenceEnrollment) -> String {
        var line = "enrollment \(enrollment.id): \(enrollment.record) in \(enrollment.cadence) (v\(enrollment.cadenceVersion)), \(enrollment.status.rawValue)"
        line += ", step \(enrollment.currentStep), enrolled \(enrollment.enrolledOn)"
        if let paused = enrollment.pausedOn { line += ", paused \(paused)" }
        if let stopped = enrollment.stoppedOn { line += ", stopped \(stopped) (\(enrollment.stopReason ?? ""))" }
        if let completed = enrollment.completedOn { line += ", completed \(completed)" }
        return line
    }
}

struct CadencesListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Cadences with their current version and open enrollments.")

    @Option(help: "Directory of workflow files (synced first).") var workflows = "Workflows"
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let context = CommandContext.current
        let store = try database.open(mustExist: true)
        _ = try await CadencesCommand.syncedDefinitions(workflows, store: store, context: context)
        let rows = try await CadenceService(store: store).summaries().map {
            [$0.name, "v\($0.version)", $0.days, $0.generate, String($0.steps), String($0.active), String($0.paused)]
        }
        context.print(Table(headers: ["CADENCE", "VERSION", "DAYS", "GENERATE", "STEPS", "ACTIVE", "PAUSED"], rows: rows).render())
    }
}

struct CadencesShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "A cadence's steps and its latest enrollments.")

    @Argument(help: "Cadence name.") var name: String
    @Option(help: "Directory of workflow files.") var workflows = "Workflows"
    @Option(parsing: .unconditional, help: "At most this many enrollments.", transform: NumberOptions.positive) var limit = 20
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let context = CommandContext.current
        let store = try database.open(mustExist: true)
        let set = try WorkflowDirectory.load(workflows, required: true, context: context) ?? WorkflowSet()
        let definition = try CadencesEnrollCommand.definition(name, in: set, directory: workflows)
        try await CadenceService(store: store).sync(set.cadences.values.sorted { $0.name < $1.name }, now: context.clock.now())
        context.print("\(name): \(definition.days.rawValue) days, \(definition.generate.rawValue), late steps \(definition.lateSteps.rawValue)")
        for (index, step) in definition.steps.enumerated() {
            context.print("  step \(index + 1)  day \(step.day)  \(step.type.rawValue)  \(step.subject)")
        }
        let enrollments = try await CadenceService(store: store).enrollments(cadence: name, limit: limit)
        context.print(enrollments.isEmpty ? "no enrollments" : enrollments.map(CadencesCommand.describe).joined(separator: "\n"))
    }
}

struct CadencesEnrollCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "enroll", abstract: "Enroll a record; a cadence_generate job plans its activities (steward run).")

    @Argument(help: "Cadence name.") var name: String
    @Option(help: "Account id.") var account: Int64?
    @Option(help: "Opportunity id.") var opportunity: Int64?
    @Option(help: "Contact id.") var contact: Int64?
    @Option(help: "Prospecting target id.") var target: Int64?
    @Option(help: "Enrollment day (YYYY-MM-DD), default today; due dates count from it.") var on: String?
    @Option(help: "Directory of workflow files.") var workflows = "Workflows"
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let context = CommandContext.current
        let record = try self.record()
        let day = try on.map { try CRMDayOption.parse($0, option: "--on") }
        let store = try database.open(mustExist: true)
        let set = try WorkflowDirectory.load(workflows, required: true, context: context) ?? WorkflowSet()
        let definition = try Self.definition(name, in: set, directory: workflows)
        let result = try await CadenceService(store: store, actor: "cli").enroll(definition, record: record, on: day, now: context.clock.now())
        let note = result.inserted ? "enrolled" : "already enrolled"
        context.print("\(note): \(CadencesCommand.describe(result.enrollment))")
    }

    func record() throws -> CRMRecordRef {
        let given = [(CRMRecordType.account, account), (.opportunity, opportunity), (.contact, contact), (.target, target)]
            .compactMap { type, id in id.map { CRMRecordRef(type, $0) } }
        guard given.count == 1 else {
            throw StewardError(.invalidArguments, "name exactly one record to enroll (got \(given.count))",
                               fix: "pass one of --account ID, --opportunity ID, --contact ID, --target ID")
        }
        return given[0]
    }

    static func definition(_ name: String, in set: WorkflowSet, directory: String) throws -> CadenceDefinition {
        guard let definition = set.cadences[name] else {
            throw StewardError(.invalidArguments, "no cadence named '\(name)' in \(directory)",
                               fix: "defined: \(set.cadences.keys.sorted().joined(separator: ", "))")
        }
        return definition
    }
}

struct CadencesPauseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "pause", abstract: "Pause an enrollment: nothing new is planned and nothing of it is due.")

    @Argument(help: "Enrollment id.") var enrollment: Int64
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let context = CommandContext.current
        let paused = try await CadenceService(store: try database.open(mustExist: true), actor: "cli").pause(enrollment, now: context.clock.now())
        context.print("paused: \(CadencesCommand.describe(paused))")
    }
}

struct CadencesResumeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "resume", abstract: "Resume an enrollment; planned activities keep the delays they had left.")

    @Argument(help: "Enrollment id.") var enrollment: Int64
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let context = CommandContext.current
        let resumed = try await CadenceService(store: try database.open(mustExist: true), actor: "cli").resume(enrollment, now: context.clock.now())
        context.print("resumed: \(CadencesCommand.describe(resumed))")
    }
}

struct CadencesStopCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stop", abstract: "Stop an enrollment and cancel its planned activities.")

    @Argument(help: "Enrollment id.") var enrollment: Int64
    @Option(help: "Why it stops.") var reason = "stopped by hand"
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let context = CommandContext.current
        let stopped = try await CadenceService(store: try database.open(mustExist: true), actor: "cli").stop(enrollment, reason: reason, now: context.clock.now())
        context.print("stopped: \(CadencesCommand.describe(stopped))")
    }
}

/// Day options (`--on`, `--as-of`, `--date`): `YYYY-MM-DD`.
enum CRMDayOption {
    static func parse(_ text: String, option: String) throws -> CRMDay {
        guard text.count == 10, let day = CRMDay(text) else {
            throw StewardError(.invalidArguments, "\(option): '\(text)' is not a date", fix: "write YYYY-MM-DD, e.g. 2026-03-31")
        }
        return day
    }
}
