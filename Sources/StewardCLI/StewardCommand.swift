public import ArgumentParser
import StewardApp

/// `steward`: the root command.
public struct StewardCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "steward",
        abstract: "Durable background jobs and workflows for a CRM back office, on one SQLite file.",
        version: StewardVersion.current,
        subcommands: [
            RunCommand.self, EnqueueCommand.self, JobsCommand.self, StatsCommand.self, MetricsCommand.self,
            ValidateCommand.self, SchedulesCommand.self, EventsCommand.self, ExportsCommand.self, DemoCommand.self,
            CadencesCommand.self, ActivitiesCommand.self, CRMCommand.self, WinbackCommand.self, AccountsCommand.self,
            ImportCommand.self, ImportsCommand.self, MigrateCommand.self, TokensCommand.self, QueuesCommand.self,
            WebhooksCommand.self, ServeCommand.self,
        ]
    )

    public init() {}
}

