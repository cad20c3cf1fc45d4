import StewardApp
import ArgumentParser
import Foundation
import StewardCore
import StewardSQLite
import StewardWorkflows

/// `steward schedules list|next`.
struct SchedulesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schedules", abstract: "Show schedules and cron fire times.",
        subcommands: [SchedulesListCommand.self, SchedulesNextCommand.self]
    )
}

struct SchedulesListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Schedules from the workflow files, with their next fire times.")

    @Option(help: "Directory of workflow files.") var workflows = "Workflows"
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let context = CommandContext.current
        let jobs = try WorkflowDirectory.load(workflows, required: true, context: context).map(WorkflowDirectory.scheduledJobs) ?? []
        let store = FileManager.default.fileExists(atPath: database.path) ? try database.open(mustExist: true) : nil
        let now = context.clock.now()
        var rows: [[String: Any]] = []
        for job in jobs.sorted(by: { $0.name < $1.name }) {
            var row: [String: Any] = ["name": job.name, "cron": job.schedule.expression.description, "timezone": CronTimes.name(job.schedule.timeZone)]
            row["next"] = job.schedule.nextFireDate(after: now).map { CronTimes.format($0, in: job.schedule.timeZone) }
            row["last_tick"] = try await store?.scheduleLastTick(name: job.name).map { CronTimes.format($0, in: job.schedule.timeZone) }
            rows.append(row)
        }
        if output.json { return context.print(try JSONOutput.render(rows)) }
        let table = Table(headers: ["NAME", "CRON", "TIMEZONE", "NEXT", "LAST TICK"], rows: rows.map { row in
            ["name", "cron", "timezone", "next", "last_tick"].map { row[$0] as? String ?? "-" }
        })
        context.print(table.render())
    }
}

/// A crontab.guru for the terminal: the next fire times of any expression.
struct SchedulesNextCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "next", abstract: "Print the next fire times of a cron expression, one per line.")

    @Argument(help: #"A cron expression, e.g. "0 7 * * MON" or @daily."#) var expression: String
    @Option(help: "IANA time zone (default UTC).") var timezone = "UTC"
    @Option(help: "Start after this time (ISO 8601; default now).") var from: String?
    @Option(parsing: .unconditional, help: "How many fire times.", transform: NumberOptions.positive) var count = 5

    func run() async throws {
        let context = CommandContext.current
        guard (1...1000).contains(count) else {
            throw StewardError(.invalidArguments, "--count must be from 1 to 1000 (got \(count))")
        }
        let schedule = try CronSchedule(parsing: expression, timeZone: timezone)
        let start = try from.map { try Timestamps.parse($0, field: "--from", now: context.clock.now()) } ?? context.clock.now()
        for date in schedule.fireDates(after: start, count: count) {
            context.print(CronTimes.format(date, in: schedule.timeZone))
        }
    }
}

enum CronTimes {
    /// Foundation calls UTC "GMT"; people write UTC.
    static func name(_ timeZone: TimeZone) -> String {
        timeZone.identifier == "GMT" ? "UTC" : timeZone.identifier
    }

    /// `2026-03-29T03:00:00+02:00`: local time with its offset.
    static func format(_ date: Date, in timeZone: TimeZone) -> String {
        var style = Date.ISO8601FormatStyle(timeZone: timeZone)
        style = style.year().month().day().time(includingFractionalSeconds: false).timeZone(separator: .colon)
        let text = date.formatted(style)
        return text.hasSuffix("Z") ? String(text.dropLast()) + "+00:00" : text
    }
}
