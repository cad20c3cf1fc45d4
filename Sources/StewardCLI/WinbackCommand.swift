import StewardApp
import ArgumentParser
import Foundation
import StewardCore
import StewardCRM
import StewardSQLite
import StewardWorkflows

/// `steward winback scan`.
struct WinbackCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "winback", abstract: "Derive account statuses and flag inactive accounts for winback.", subcommands: [WinbackScanCommand.self]
    )
}

struct WinbackScanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "scan", abstract: "Scan every account now (or as of a day); running it twice changes nothing.")

    @Option(name: .customLong("as-of"), help: "Derive statuses as of this day (YYYY-MM-DD), default today in the rule's timezone.") var asOf: String?
    @Option(help: "Winback rule name (default: the only one defined).") var rule: String?
    @Option(help: "Directory of workflow files.") var workflows = "Workflows"
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let context = CommandContext.current
        let set = try WorkflowDirectory.load(workflows, required: true, context: context) ?? WorkflowSet()
        let definition = try self.definition(in: set)
        let day = try asOf.map { try CRMDayOption.parse($0, option: "--as-of") } ?? definition.day(of: context.clock.now())
        guard let cadence = set.cadences[definition.cadence] else { throw StewardError(.invalidWorkflows, "no cadence '\(definition.cadence)'") }
        let result = try await WinbackService(store: try database.open(mustExist: true)).scan(definition, cadence: cadence, asOf: day, now: context.clock.now())
        context.print("winback scan as of \(result.asOf): \(result.accounts) accounts, \(result.changed) changed, "
            + "\(result.flagged.count) newly inactive (\(result.enrollments.count) enrolled in \(cadence.name)), \(result.reactivated.count) reactivated")
    }

    func definition(in set: WorkflowSet) throws -> WinbackDefinition {
        let names = set.winbacks.keys.sorted()
        guard let name = rule ?? (names.count == 1 ? names[0] : nil), let definition = set.winbacks[name] else {
            throw StewardError(.invalidArguments, rule.map { "no winback rule named '\($0)' in \(workflows)" } ?? "\(workflows) defines \(names.count) winback rules",
                               fix: names.isEmpty ? "add a kind: winback file" : "pass --rule, one of \(names.joined(separator: ", "))")
        }
        return definition
    }
}

/// `steward accounts status [ID]`.
struct AccountsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "accounts", abstract: "Accounts' derived statuses.", subcommands: [AccountsStatusCommand.self])
}

struct AccountsStatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "status", abstract: "One account's statuses and their history, or counts over all accounts.")

    @Argument(help: "Account id (omit for counts).") var account: Int64?
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let context = CommandContext.current
        let service = WinbackService(store: try database.open(mustExist: true))
        guard let account else {
            let rows = try await service.counts().map { [$0.activity, $0.tenure, String($0.accounts)] }
            return context.print(Table(headers: ["ACTIVITY", "TENURE", "ACCOUNTS"], rows: rows).render())
        }
        guard let report = try await service.status(account: account) else {
            throw StewardError(.recordNotFound, "no account \(account)", fix: "steward accounts status lists the counts")
        }
        context.print("account \(report.accountID) \(report.companyName ?? ""): \(report.activity ?? "not scanned") / \(report.tenure ?? "not scanned"), "
            + "last transaction \(report.lastTransaction ?? "none"), since \(report.statusSince ?? "-")")
        let rows = report.history.map { [$0.asOf, "\($0.previousActivity ?? "-") → \($0.activity)", "\($0.previousTenure ?? "-") → \($0.tenure)"] }
        context.print(Table(headers: ["AS OF", "ACTIVITY", "TENURE"], rows: rows).render())
    }
}
