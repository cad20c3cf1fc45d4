import ArgumentParser
import Foundation
import StewardCore
import StewardCRM
import StewardSQLite

/// `steward crm …`: the CRM changes that drive cadences and winback, each one transaction with
/// its audit entry and event.
struct CRMCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "crm", abstract: "Change CRM records (each change is audited and recorded as an event).",
        subcommands: [CRMCreateOpportunityCommand.self, CRMSetStageCommand.self, CRMConvertTargetCommand.self,
                      CRMRecordTransactionCommand.self, CRMCompleteActivityCommand.self]
    )

    static func report(_ result: CRMChanges.Result) {
        CommandContext.current.print("\(result.entity) \(result.id): recorded \(result.events.joined(separator: ", "))")
    }

    static func changes(_ database: DatabaseOptions) throws -> CRMChanges {
        CRMChanges(store: try database.open(mustExist: true), actor: "cli")
    }
}

struct CRMCreateOpportunityCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "create-opportunity", abstract: "Create an opportunity for an account (opportunity.created).")

    @Option(help: "Account id.") var account: Int64
    @Option(help: "Amount (≥ 0).") var amount: Double?
    @Option(help: "Open stage: new, qualified, proposal or negotiation.") var stage = "new"
    @Option(help: "Owner (default: the account's owner).") var owner: String?
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let result = try await CRMCommand.changes(database).createOpportunity(
            account: account, amount: amount, stage: stage, owner: owner, now: CommandContext.current.clock.now())
        CRMCommand.report(result)
    }
}

struct CRMSetStageCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "set-stage", abstract: "Move an opportunity to a stage; closed_lost needs --reason.")

    @Argument(help: "Opportunity id.") var opportunity: Int64
    @Argument(help: "new, qualified, proposal, negotiation, closed_won or closed_lost.") var stage: String
    @Option(help: "Why it was lost (required for closed_lost).") var reason: String?
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let result = try await CRMCommand.changes(database).changeStage(
            opportunity: opportunity, to: stage, reason: reason, now: CommandContext.current.clock.now())
        CRMCommand.report(result)
    }
}

struct CRMConvertTargetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "convert-target", abstract: "Convert a prospecting target into an account (target.converted).")

    @Argument(help: "Target id.") var target: Int64
    @Option(help: "Link to this existing account instead of creating one.") var account: Int64?
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let result = try await CRMCommand.changes(database).convertTarget(target, into: account, now: CommandContext.current.clock.now())
        CRMCommand.report(result)
    }
}

struct CRMRecordTransactionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "record-transaction", abstract: "Record a transaction on an account (transaction.recorded).")

    @Option(help: "Account id.") var account: Int64
    @Option(help: "Amount (non-zero; negative for a refund).") var amount: Double
    @Option(help: "Date (YYYY-MM-DD), default today.") var date: String?
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let result = try await CRMCommand.changes(database).recordTransaction(
            account: account, date: date, amount: amount, now: CommandContext.current.clock.now())
        CRMCommand.report(result)
    }
}

struct CRMCompleteActivityCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "complete-activity", abstract: "Mark a planned activity done (activity.completed).")

    @Argument(help: "Activity id.") var activity: Int64
    @Option(help: "Day it was done (YYYY-MM-DD), default today.") var on: String?
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let result = try await CRMCommand.changes(database).completeActivity(activity, on: on, now: CommandContext.current.clock.now())
        CRMCommand.report(result)
    }
}
