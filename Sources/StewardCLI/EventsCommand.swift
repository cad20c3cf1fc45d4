import ArgumentParser
import Foundation
import StewardCore
import StewardSQLite
import StewardWorkflows
import StewardApp

/// `steward events list|emit`.
struct EventsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "events", abstract: "Domain events and their dispatch.",
        subcommands: [EventsListCommand.self, EventsEmitCommand.self]
    )
}

struct EventsListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Recent events, newest first.")

    @Option(parsing: .unconditional, help: "At most this many.", transform: NumberOptions.positive) var limit = 50
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let events = try await database.open(mustExist: true).eventList(limit: limit)
        let context = CommandContext.current
        if output.json {
            return context.print(try JSONOutput.render(events.map { event, dispatched in
                ["id": event.id, "name": event.name, "created_at": Timestamps.iso(event.createdAt),
                 "dispatched_at": dispatched.map(Timestamps.iso) ?? NSNull(),
                 "payload": (try? JSONSerialization.jsonObject(with: Data(event.payload.utf8))) ?? NSNull()] as [String: Any]
            }))
        }
        let rows = events.map { event, dispatched in
            [String(event.id), event.name, Timestamps.iso(event.createdAt), dispatched.map(Timestamps.iso) ?? "pending", JobView.shorten(event.payload)]
        }
        context.print(Table(headers: ["ID", "NAME", "CREATED", "DISPATCHED", "PAYLOAD"], rows: rows).render())
    }
}

/// Records an event by hand: tries triggers and webhook subscriptions without touching CRM data.
struct EventsEmitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "emit", abstract: "Record an event; `steward run` dispatches it.")

    @Argument(help: "Event name, e.g. opportunity.created.") var name: String
    @Option(help: "Payload as a JSON object.") var payload = "{}"
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        try EnqueueCommand.checkJSONObject(payload, option: "--payload")
        try EventService.check(name, payload: payload)
        let context = CommandContext.current
        let store = try database.open()
        let id = try await EventService(store: store, clock: context.clock).emit(name, payload: payload, by: context.environment["USER"] ?? "cli")
        context.print("recorded event \(id) \(name)")
    }
}
