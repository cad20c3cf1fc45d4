import StewardApp
import ArgumentParser
import Foundation
import Logging
import StewardCore
import StewardCRM
import StewardSQLite
import StewardWorkflows

/// `steward webhooks endpoints|deliveries|show|redeliver|enable|disable|test|prune`.
struct WebhooksCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "webhooks", abstract: "Webhook endpoints and what happened to every delivery.",
        subcommands: [WebhooksEndpointsCommand.self, WebhooksDeliveriesCommand.self, WebhooksShowCommand.self, WebhooksRedeliverCommand.self,
                      WebhooksEnableCommand.self, WebhooksDisableCommand.self, WebhooksTestCommand.self, WebhooksPruneCommand.self]
    )
}

/// Options shared by the commands that read endpoint definitions.
struct WorkflowsOption: ParsableArguments {
    @Option(help: "Directory of workflow files.") var workflows = "Workflows"

    func endpoints(_ context: CommandContext) throws -> [String: WebhookDefinition] {
        try WorkflowDirectory.load(workflows, required: true, context: context)?.webhooks ?? [:]
    }

    func endpoint(_ name: String, _ context: CommandContext) throws -> WebhookDefinition {
        let endpoints = try endpoints(context)
        guard let endpoint = endpoints[name] else {
            throw StewardError(.endpointNotFound, "no webhook endpoint named '\(name)' in \(workflows)",
                               fix: endpoints.isEmpty ? "no endpoints are defined there; add a `kind: webhook` file"
                                   : "defined: \(endpoints.keys.sorted().joined(separator: ", "))")
        }
        return endpoint
    }

    /// An endpoint that may be sent to: defined, and not switched off in its file.
    func sendableEndpoint(_ name: String, _ context: CommandContext) throws -> WebhookDefinition {
        try WebhookEndpoints.requireSwitchedOn(try endpoint(name, context), source: workflows)
    }
}

struct WebhooksEndpointsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "endpoints", abstract: "Each endpoint: enabled or why not, and its deliveries by status.")

    @OptionGroup var workflows: WorkflowsOption
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let context = CommandContext.current
        let set = try WorkflowDirectory.load(workflows.workflows, required: true, context: context) ?? WorkflowSet()
        let store = try database.open(mustExist: true)
        let views = try await WebhookService(store: store, clock: context.clock, workflows: set).endpoints().map(WebhookEndpointView.init)
        if output.json { return context.print(try JSONOutput.render(views.map(\.json))) }
        context.print(Table(headers: WebhookEndpointView.headers, rows: views.map(\.row)).render())
    }
}

struct WebhooksDeliveriesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "deliveries", abstract: "Deliveries, newest first.")

    @Option(help: "Only this endpoint.") var endpoint: String?
    @Option(help: "pending, delivered or failed.") var status: String?
    @Option(parsing: .unconditional, help: "At most this many.", transform: NumberOptions.positive) var limit = 50
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let status = try status.map { text in
            guard let status = WebhookDelivery.Status(rawValue: text) else {
                throw StewardError(.invalidArguments, "--status: unknown status '\(text)'", fix: "use pending, delivered or failed")
            }
            return status
        }
        let deliveries = try await database.open(mustExist: true).webhookDeliveries(endpoint: endpoint, status: status, limit: limit)
        let context = CommandContext.current
        if output.json { return context.print(try JSONOutput.render(deliveries.map(WebhookDeliveryView.json))) }
        context.print(Table(headers: WebhookDeliveryView.headers, rows: deliveries.map(WebhookDeliveryView.row)).render())
    }
}

struct WebhooksShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "One delivery and every attempt.")

    @Argument(help: "Delivery id.") var id: Int64
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let (delivery, attempts) = try await database.open(mustExist: true).webhookDelivery(id)
        let context = CommandContext.current
        if output.json {
            var json = WebhookDeliveryView.json(delivery)
            json["body"] = delivery.body
            json["attempts"] = attempts.map(WebhookAttemptView.json)
            return context.print(try JSONOutput.render(json))
        }
        context.print(WebhookDeliveryView.detail(delivery))
        context.print(Table(headers: WebhookAttemptView.headers, rows: attempts.map(WebhookAttemptView.row)).render())
        if let last = attempts.last, let body = last.responseBody, !body.isEmpty {
            context.print("\nLast response (attempt \(last.attempt)):\n\(last.responseHeaders ?? "")\n\n\(body)")
        }
    }
}

struct WebhooksRedeliverCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "redeliver", abstract: "Send deliveries again (same webhook-id, a fresh retry schedule); `steward run` sends them.")

    @Argument(help: "Delivery id.") var id: Int64?
    @Option(name: .customLong("failed-since"), help: "Every failed delivery that failed at or after this time (ISO 8601).")
    var failedSince: String?
    @Option(help: "Directory of workflow files: when given, deliveries to endpoints it does not define are refused.")
    var workflows: String?
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        guard (id == nil) != (failedSince == nil) else {
            throw StewardError(.invalidArguments, "give a delivery id or --failed-since, not both or neither",
                               fix: "e.g. steward webhooks redeliver 12, or steward webhooks redeliver --failed-since 2026-01-05T00:00:00Z")
        }
        let context = CommandContext.current
        let store = try database.open(mustExist: true)
        let now = context.clock.now()
        let defined = try workflows.flatMap { try WorkflowDirectory.load($0, required: true, context: context) }.map { Set($0.webhooks.keys) }
        var ids = id.map { [$0] } ?? []
        if let failedSince { ids = try await store.webhookFailedDeliveries(since: try Timestamps.parse(failedSince, field: "--failed-since", now: now)) }
        let redelivered = try await store.webhookRedeliver(ids: ids, now: now, definedEndpoints: defined, skipRefused: failedSince != nil)
        context.print(redelivered.isEmpty ? "nothing to redeliver" : "queued for redelivery: \(redelivered.map(String.init).joined(separator: ", "))")
        let skipped = ids.count - redelivered.count
        if skipped > 0 { context.print("skipped \(skipped): pending again, or the endpoint is disabled or no longer defined") }
    }
}

struct WebhooksEnableCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "enable", abstract: "Re-enable an endpoint (its failure streak starts afresh).")

    @Argument(help: "Endpoint name.") var name: String
    @OptionGroup var workflows: WorkflowsOption
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let context = CommandContext.current
        _ = try workflows.sendableEndpoint(name, context)
        try await database.open(mustExist: true).webhookEndpointSetEnabled(name, enabled: true, reason: "", now: context.clock.now())
        context.print("enabled \(name); failed deliveries stay failed until `steward webhooks redeliver`")
    }
}

struct WebhooksDisableCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "disable", abstract: "Stop sending to an endpoint.")

    @Argument(help: "Endpoint name.") var name: String
    @Option(help: "Why, for the record.") var reason = "disabled by hand"
    @OptionGroup var workflows: WorkflowsOption
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let context = CommandContext.current
        _ = try workflows.endpoint(name, context)
        try await database.open(mustExist: true).webhookEndpointSetEnabled(name, enabled: false, reason: reason, now: context.clock.now())
        context.print("disabled \(name)")
    }
}

struct WebhooksPruneCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prune", abstract: "Delete delivered and failed deliveries (with their attempts) older than a retention; pending ones stay.")

    @Option(name: .customLong("older-than"), parsing: .unconditional, help: "Retention, e.g. 30d.") var olderThan = "30d"
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let context = CommandContext.current
        let retention = try DurationParsing.require(olderThan, field: "--older-than")
        let cutoff = context.clock.now().addingTimeInterval(-retention.timeInterval)
        let deleted = try await database.open(mustExist: true).webhookPrune(before: cutoff)
        context.print("deleted \(deleted) webhook deliveries finished before \(Timestamps.iso(cutoff))")
    }
}

struct WebhooksTestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "test", abstract: "Send a signed `ping` to an endpoint now and show the answer.")

    @Argument(help: "Endpoint name.") var name: String
    @OptionGroup var workflows: WorkflowsOption
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let context = CommandContext.current
        let endpoint = try workflows.sendableEndpoint(name, context)
        let store = try database.open(mustExist: true)
        var set = WorkflowSet()
        set.webhooks[name] = endpoint
        let deliverer = WebhookDeliverer(store: store, definitions: WorkflowDefinitions(set), clock: context.clock,
                                         userAgent: JobKinds.userAgent, logger: Logger(label: "steward"))
        let (verdict, delivery) = try await deliverer.ping(endpoint)
        context.print("delivery \(delivery.id) (\(delivery.messageID)): \(delivery.lastResult ?? "")")
        guard verdict == .delivered else {
            throw StewardError(.webhookTestFailed, "\(name) did not accept the ping: \(delivery.lastResult ?? "")",
                               fix: "steward webhooks show \(delivery.id) has the response")
        }
    }
}

extension StewardError.Code {
    static let webhookTestFailed = Self(rawValue: "webhook_test_failed")
}
