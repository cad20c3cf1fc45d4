import Foundation
import Hummingbird
import StewardApp
import StewardCore
import StewardCRM
import StewardWorkflows

/// A schedule: its cron in its time zone, what it enqueues, next and last tick.
struct ScheduleView: ResponseEncodable, Sendable {
    var name: String
    var cron: String
    var timeZone: String
    var kind: String
    var queue: String
    var next: Date?
    var lastTick: Date?

    init(_ status: ScheduleStatus) {
        name = status.name
        cron = status.cron
        timeZone = status.timeZone.identifier == "GMT" ? "UTC" : status.timeZone.identifier
        kind = status.kind
        queue = status.queue
        next = status.next
        lastTick = status.lastTick
    }
}

/// One export run: its numbers, and the file's fingerprint.
struct ExportRunView: ResponseEncodable, Sendable {
    var id: Int64
    var export: String
    var status: String
    var startedAt: Date
    var finishedAt: Date?
    var rows: Int?
    var bytes: Int?
    var sha256: String?
    var fileName: String?
    var error: String?

    init(_ run: ExportRun) {
        id = run.id
        export = run.export
        status = run.status.rawValue
        startedAt = run.startedAt
        finishedAt = run.finishedAt
        rows = run.rows
        bytes = run.bytes
        sha256 = run.sha256
        fileName = run.path.map { URL(fileURLWithPath: $0).lastPathComponent }
        error = run.error
    }
}

/// An export definition with its schedule and latest run.
struct ExportView: ResponseEncodable, Sendable {
    var name: String
    var source: String
    var format: String
    var columns: [String]
    var cron: String?
    var timeZone: String?
    var next: Date?
    var lastRun: ExportRunView?

    init(_ status: ExportStatus) {
        let definition = status.definition
        name = definition.name
        source = definition.source.rawValue
        format = definition.format.rawValue
        columns = definition.columns
        cron = definition.timing.map { $0.cron.description }
        timeZone = definition.timing.map { $0.timeZone.identifier == "GMT" ? "UTC" : $0.timeZone.identifier }
        next = status.next
        lastRun = status.lastRun.map(ExportRunView.init)
    }
}

/// A domain event and when the dispatcher routed it.
struct EventView: ResponseEncodable, Sendable {
    var id: Int64
    var name: String
    var payload: JSONValue
    var createdAt: Date
    var dispatchedAt: Date?

    init(_ event: DomainEvent, dispatchedAt: Date?) {
        id = event.id
        name = event.name
        payload = JSONValue.parse(event.payload)
        createdAt = event.createdAt
        self.dispatchedAt = dispatchedAt
    }
}
