import ArgumentParser
import Foundation
import StewardCore
import StewardSQLite
import StewardApp

/// `steward queues list|pause|resume`: queue depths, and pausing a queue for every process.
struct QueuesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "queues", abstract: "List queues; pause and resume one (no process claims a paused queue).",
        subcommands: [QueuesListCommand.self, QueuesPauseCommand.self, QueuesResumeCommand.self]
    )
}

struct QueuesListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Each queue's jobs by state, and its pause.")

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let context = CommandContext.current
        let store = try database.open(mustExist: true)
        let counts = Dictionary(grouping: try await store.jobCountByState(), by: \.queue)
        let pauses = Dictionary(uniqueKeysWithValues: try await store.queuePauses(now: context.clock.now()).map { ($0.queue, $0) })
        let states: [JobState] = [.available, .running, .scheduled, .retryable]
        let rows = Set(counts.keys).union(pauses.keys).sorted().map { queue in
            [queue] + states.map { state in String(counts[queue]?.first { $0.state == state }?.count ?? 0) } + [Self.describe(pauses[queue])]
        }
        context.print(Table(headers: ["QUEUE"] + states.map { $0.rawValue.uppercased() } + ["PAUSED"], rows: rows).render())
    }

    static func describe(_ pause: QueuePause?) -> String {
        guard let pause else { return "-" }
        var text = "since " + Timestamps.iso(pause.pausedAt)
        if let resume = pause.resumeAt { text += " until " + Timestamps.iso(resume) }
        if let reason = pause.reason { text += ": " + reason }
        return text
    }
}

struct QueuesPauseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "pause", abstract: "Pause a queue: running jobs finish, no new ones are claimed.")

    @Argument(help: "The queue.") var queue: String
    @Option(help: "Why, shown by `queues list`.") var reason: String?
    @Option(name: .customLong("until"), parsing: .unconditional, help: "Resume by itself at this time (ISO 8601, or +DURATION).") var until: String?
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let context = CommandContext.current
        let now = context.clock.now()
        let resumeAt = try until.map { try Timestamps.parse($0, field: "--until", now: now) }
        let service = QueueService(store: try database.open(mustExist: true))
        let pause = try await service.pause(QueuePauseParams(queue: queue, reason: reason, resumeAt: resumeAt, by: context.environment["USER"] ?? "cli", now: now))
        context.print("queue \(pause.queue) paused " + QueuesListCommand.describe(pause))
    }
}

struct QueuesResumeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "resume", abstract: "Resume a paused queue.")

    @Argument(help: "The queue.") var queue: String
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let context = CommandContext.current
        let resumed = try await QueueService(store: try database.open(mustExist: true))
            .resume(queue, by: context.environment["USER"] ?? "cli", now: context.clock.now())
        context.print(resumed ? "queue \(queue) resumed" : "queue \(queue) was not paused")
    }
}
