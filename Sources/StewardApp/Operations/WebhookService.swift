public import Foundation
import GRDB
public import Logging
public import StewardCore
public import StewardCRM
public import StewardSQLite
public import StewardWorkflows

/// Webhooks for people: endpoints with their health, deliveries with their attempts,
/// redelivery, switching endpoints on and off, and a test ping. Changes are audited in their
/// transaction.
public struct WebhookService: Sendable {
    public let store: SQLiteJobStore
    public let clock: any JobClock
    public let workflows: WorkflowSet

    public init(store: SQLiteJobStore, clock: any JobClock, workflows: WorkflowSet) {
        self.store = store
        self.clock = clock
        self.workflows = workflows
    }

    /// Every endpoint the files define or the database remembers, by name. Without `counts`
    /// (deliveries by status, the last day's outcomes) it reads only the endpoints' own rows.
    public func endpoints(counts withCounts: Bool = true) async throws -> [WebhookEndpointStatus] {
        let states = try await store.webhookEndpointStates()
        let counts = withCounts ? try await store.webhookDeliveryCounts() : [:]
        let outcomes = withCounts ? try await store.webhookAttemptOutcomes(since: clock.now().addingTimeInterval(-86_400)) : [:]
        let inFlight = try await store.webhookDeliveriesInFlight(now: clock.now())
        return Set(workflows.webhooks.keys).union(states.keys).sorted().map { name in
            WebhookEndpointStatus(name: name, definition: workflows.webhooks[name], stored: states[name], deliveries: counts[name] ?? [:],
                                  attemptsLastDay: outcomes[name]?.attempts ?? 0, succeededLastDay: outcomes[name]?.succeeded ?? 0,
                                  inFlight: inFlight[name] ?? 0)
        }
    }

    /// Redelivers one delivery (a refusal says why) or every delivery failed since a time
    /// (refused ones skipped); returns the redelivered ids. Audited per delivery.
    public func redeliver(ids: [Int64], skipRefused: Bool, by actor: String, requestID: String? = nil) async throws -> [Int64] {
        let now = clock.now()
        let defined = Set(workflows.webhooks.keys)
        return try await store.database.write { [store] db in
            let redelivered = try store.webhookRedeliver(ids: ids, now: now, definedEndpoints: defined, skipRefused: skipRefused, in: db)
            for id in redelivered {
                try CRMAudit.record("webhook.redelivered", entity: "webhook_delivery", id: id, details: [:], actor: actor, requestID: requestID, db: db, now: now)
            }
            return redelivered
        }
    }

    public func redeliverFailed(since: Date, by actor: String, requestID: String? = nil) async throws -> [Int64] {
        try await redeliver(ids: try await store.webhookFailedDeliveries(since: since), skipRefused: true, by: actor, requestID: requestID)
    }

    /// Switches a defined endpoint on (clearing its failure streak; refused when its file has it
    /// off) or off with a reason.
    public func setEnabled(_ name: String, enabled: Bool, reason: String?, by actor: String, requestID: String? = nil) async throws {
        let definition = try endpoint(name)
        if enabled { _ = try WebhookEndpoints.requireSwitchedOn(definition, source: "the workflow files") }
        let now = clock.now()
        try await store.database.write { [store] db in
            try store.webhookEndpointSetEnabled(name, enabled: enabled, reason: reason ?? "disabled by \(actor)", now: now, in: db)
            var details: [String: String] = [:]
            details["reason"] = enabled ? nil : reason
            try CRMAudit.record(enabled ? "webhook.endpoint_enabled" : "webhook.endpoint_disabled", entity: "webhook_endpoint", id: nil,
                                details: details.merging(["endpoint": name]) { $1 }, actor: actor, requestID: requestID, db: db, now: now)
        }
    }

    /// Sends a signed `ping` now; the answer is recorded as a delivery.
    public func test(_ name: String, by actor: String, requestID: String? = nil,
                     logger: Logger = Logger(label: "steward.webhooks")) async throws -> (accepted: Bool, delivery: WebhookDelivery) {
        let definition = try WebhookEndpoints.requireSwitchedOn(try endpoint(name), source: "the workflow files")
        var set = WorkflowSet()
        set.webhooks[name] = definition
        let deliverer = WebhookDeliverer(store: store, definitions: WorkflowDefinitions(set), clock: clock, userAgent: JobKinds.userAgent,
                                         logger: logger)
        let (verdict, delivery) = try await deliverer.ping(definition)
        let now = clock.now()
        try await store.database.write { db in
            try CRMAudit.record("webhook.tested", entity: "webhook_delivery", id: delivery.id, details: ["endpoint": name],
                                actor: actor, requestID: requestID, db: db, now: now)
        }
        return (verdict == .delivered, delivery)
    }

    func endpoint(_ name: String) throws -> WebhookDefinition {
        guard let definition = workflows.webhooks[name] else {
            throw StewardError(.endpointNotFound, "no webhook endpoint named '\(name)' in the workflow files",
                               fix: workflows.webhooks.isEmpty ? "no endpoints are defined; add a `kind: webhook` file"
                                   : "defined: \(workflows.webhooks.keys.sorted().joined(separator: ", "))")
        }
        return definition
    }
}
