import StewardApp
import ArgumentParser
import Foundation
import StewardCore
import StewardSQLite

/// `steward jobs list|show|retry|cancel`.
struct JobsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jobs", abstract: "Inspect and manage jobs.",
        subcommands: [JobsListCommand.self, JobsShowCommand.self, JobsRetryCommand.self, JobsCancelCommand.self]
    )
}

struct JobsListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List jobs, newest first.")

    @Option(help: "Only jobs in this state (repeatable): \(JobState.allCases.map(\.rawValue).joined(separator: ", ")).")
    var state: [String] = []
    @Option(help: "Only jobs of this queue.") var queue: String?
    @Option(help: "Only jobs of this kind.") var kind: String?
    @Option(name: .customLong("arg"), help: "Only jobs whose arguments hold KEY=VALUE, e.g. account_id=42 (repeatable).") var args: [String] = []
    @Option(parsing: .unconditional, help: "At most this many.", transform: NumberOptions.positive) var limit = 50
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let states = try state.map(Self.parseState)
        let filters = try args.map(JobArgumentFilter.init(parsing:))
        let store = try database.open(mustExist: true)
        let jobs = try await store.jobList(JobListParams(states: states, queue: queue, kind: kind, limit: limit, args: filters))
        let context = CommandContext.current
        if output.json {
            context.print(try JSONOutput.render(jobs.map { JobView(job: $0).jsonObject }))
        } else {
            context.print(Table(headers: JobView.tableHeaders, rows: jobs.map { JobView(job: $0).tableRow }).render())
        }
    }

    static func parseState(_ text: String) throws -> JobState {
        guard let state = JobState(rawValue: text.lowercased()) else {
            throw StewardError(.invalidArguments, "--state: unknown state '\(text)'",
                               fix: "use one of \(JobState.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return state
    }
}

struct JobsShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one job, with its errors.")

    @Argument(help: "Job id.") var id: JobID
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let store = try database.open(mustExist: true)
        guard let job = try await store.jobGet(id: id) else {
            throw StewardError(.jobNotFound, "no job with id \(id)", fix: "list jobs with `steward jobs list`")
        }
        let context = CommandContext.current
        let view = JobView(job: job)
        if output.json { return context.print(try JSONOutput.render(view.jsonObject)) }
        for key in ["id", "kind", "queue", "state", "priority", "attempt", "max_attempts", "lease_losses", "run_at", "created_at",
                    "attempted_at", "finalized_at", "lease_owner", "lease_expires_at", "unique_key"] {
            if let value = view.jsonObject[key] { context.print("\(key.padding(toLength: 17, withPad: " ", startingAt: 0))\(value)") }
        }
        context.print("args             \(job.args)")
        for error in job.errors {
            context.print("error            attempt \(error.attempt) at \(Timestamps.iso(error.at)): \(error.message)")
        }
    }
}

struct JobsRetryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "retry", abstract: "Run a job again now (not while it runs).")

    @Argument(help: "Job id.") var id: JobID
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let context = CommandContext.current
        let store = try database.open(mustExist: true)
        let job = try await JobService(store: store, clock: context.clock, hooks: .none).retry(id, by: context.environment["USER"] ?? "cli")
        context.print("job \(job.id) is \(job.state); attempt \(job.attempt + 1) of \(job.maxAttempts) comes next")
    }
}

struct JobsCancelCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "cancel", abstract: "Cancel a job; a running one is stopped at its next heartbeat.")

    @Argument(help: "Job id.") var id: JobID
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let context = CommandContext.current
        let store = try database.open(mustExist: true)
        // The kind's give-up hook ends what the job was doing (an import, a delivery) with it.
        let hooks = JobKinds.registry(store: store, clock: context.clock).giveUpHooks
        let job = try await JobService(store: store, clock: context.clock, hooks: hooks).cancel(id, by: context.environment["USER"] ?? "cli")
        context.print("job \(job.id) is \(job.state)")
    }
}
