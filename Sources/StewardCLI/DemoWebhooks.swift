import StewardApp
import Foundation
import Logging
import StewardCore
import StewardCRM
import StewardSQLite
import StewardWorkflows

/// The demo's webhooks: two endpoints on a loopback receiver, one event, and the pool delivering
/// it — the flaky endpoint answers 503 first, so its delivery is retried a second later.
enum DemoWebhooks {
    static let secret = "whsec_c3Rld2FyZC1kZW1vLXNpZ25pbmcta2V5"

    static func definitions(port: Int) -> String {
        let common = """
            secret: ${DEMO_WEBHOOK_SECRET}
            events: [opportunity.created]
            allow_insecure: true
            allow_private: [127.0.0.1]
            retry: { schedule: [1s, 1s] }
            """
        return "kind: webhook\nname: demo-crm\nurl: http://127.0.0.1:\(port)/crm\n\(common)\n---\nkind: webhook\nname: demo-flaky\nurl: http://127.0.0.1:\(port)/flaky\n\(common)\n"
    }

    static func run(store: SQLiteJobStore, clock: any JobClock) async throws -> String {
        let receiver = try DemoWebhookReceiver()
        defer { receiver.stop() }
        let set = try WorkflowLoader(environment: ["DEMO_WEBHOOK_SECRET": secret]).load(files: [(path: "demo-webhooks.yml", text: definitions(port: receiver.port))])
        var logger = Logger(label: "steward.demo")
        logger.logLevel = .critical
        _ = try await store.recordEvent("opportunity.created", payload: #"{"opportunity_id": 1001, "stage": "qualified"}"#, now: clock.now())
        let (routes, _) = WorkflowDirectory.eventRoutes(set, runnable: JobKinds.names)
        await EventDispatcher(store: store, routes: routes, clock: clock, logger: logger).dispatchPending()
        try await deliver(store: store, set: set, clock: clock, logger: logger)
        return try await report(store: store, receiver: receiver)
    }

    private static func deliver(store: SQLiteJobStore, set: WorkflowSet, clock: any JobClock, logger: Logger) async throws {
        let deliverer = WebhookDeliverer(store: store, definitions: WorkflowDefinitions(set), clock: clock, userAgent: JobKinds.userAgent, logger: logger)
        var configuration = WorkerPoolConfiguration()
        configuration.queues = [WebhookDeliveryKind.queue: 4]
        configuration.drain = true
        configuration.drainHorizon = .seconds(3)
        configuration.pollInterval = .milliseconds(100)
        let pool = try WorkerPool(store: store, registry: JobRegistry([WebhookDeliveryKind.make(deliverer: deliverer)]), configuration: configuration,
                                  clock: clock, logger: logger)
        try await pool.run()
    }

    private static func report(store: SQLiteJobStore, receiver: DemoWebhookReceiver) async throws -> String {
        let deliveries = try await store.webhookDeliveries(endpoint: nil, status: nil, limit: 10).reversed()
        var lines = ["Webhooks: one opportunity.created event, signed and posted to two endpoints on 127.0.0.1:\(receiver.port):"]
        lines.append(Table(headers: WebhookDeliveryView.headers, rows: deliveries.map(WebhookDeliveryView.row)).render())
        if let flaky = deliveries.first(where: { $0.endpoint == "demo-flaky" }) {
            let attempts = try await store.webhookDelivery(flaky.id).attempts
            lines.append("demo-flaky's attempts (503 first, retried a second later with the same webhook-id):")
            lines.append(Table(headers: WebhookAttemptView.headers, rows: attempts.map(WebhookAttemptView.row)).render())
        }
        if let signed = receiver.requests.first {
            lines.append("A request as received: webhook-id \(signed.headers["webhook-id"] ?? ""), webhook-signature \(signed.headers["webhook-signature"] ?? ""), "
                         + "user-agent \(signed.headers["user-agent"] ?? "")")
        }
        lines.append("Try: steward webhooks show \(deliveries.first { $0.endpoint == "demo-flaky" }?.id ?? 1) --database \(store.path)")
        return lines.joined(separator: "\n")
    }
}
