import Foundation
import Hummingbird
import StewardApp
import StewardCore
import StewardCRM
import StewardWorkflows

/// `/ui/webhooks`: endpoints with state, 24-hour success rate, failing since, requests in flight;
/// deliveries by endpoint, status and event; one delivery's attempt timeline; redeliver, test,
/// enable and disable.
struct WebhookPages {
    let services: APIServices
    let pages: Pages

    func add(to router: RouterGroup<APIContext>) {
        let viewer = router.group().add(middleware: RequirePage(role: .viewer, pages: pages))
        viewer.get("/ui/webhooks", use: list)
        viewer.get("/ui/webhooks/deliveries/{id}", use: delivery)
        let operatorRole = router.group().add(middleware: RequirePage(role: .operator, pages: pages))
        operatorRole.post("/ui/webhooks/deliveries/{id}/redeliver", use: redeliver)
        operatorRole.post("/ui/webhooks/endpoints/{name}/test", use: test)
        let admin = router.group().add(middleware: RequirePage(role: .admin, pages: pages))
        admin.post("/ui/webhooks/endpoints/{name}/enable", use: { request, context in try await switchEndpoint(true, context) })
        admin.post("/ui/webhooks/endpoints/{name}/disable", use: { request, context in try await switchEndpoint(false, context) })
    }

    @Sendable func list(_ request: Request, context: APIContext) async throws -> Response {
        let query = try QueryInput(request, allowed: ["endpoint", "status", "event", "before"])
        let status = try query.choice("status", of: WebhookDelivery.Status.self)
        let params = WebhookDeliveryListParams(endpoint: try query.string("endpoint"), status: status, event: try query.string("event"),
                                               limit: 50, beforeID: try query.int("before", in: 1...Int64.max))
        let deliveries = try await services.store.webhookDeliveries(params)
        let endpoints = try await services.webhooks.endpoints().map(Self.endpointRow)
        var data: [String: Any] = [
            "endpoints": endpoints, "endpoint": params.endpoint ?? "", "event": params.event ?? "",
            "statuses": WebhookDelivery.Status.allCases.map { ["value": $0.rawValue, "selected": $0 == status] as [String: Any] },
            "deliveries": deliveries.map(Self.deliveryRow),
        ]
        if deliveries.count == 50, let last = deliveries.last {
            data["next"] = "/ui/webhooks?before=\(last.id)" + [("endpoint", params.endpoint), ("status", status?.rawValue), ("event", params.event)]
                .compactMap { name, value in value.map { "&\(name)=\($0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" } }.joined()
        }
        return pages.page("webhooks", title: "Webhooks", section: "webhooks", context: context, data: data)
    }

    static func endpointRow(_ status: WebhookEndpointStatus) -> [String: Any] {
        var row: [String: Any] = [
            "name": status.name, "state": status.state.rawValue, "url": status.displayURL,
            "stateClass": status.state == .enabled ? (status.failingSince == nil ? "ok" : "warn") : "bad",
            "rate": status.successRateLastDay.map { "\(Int(($0 * 100).rounded())) % of \(status.attemptsLastDay)" } ?? "no attempts",
            "since": status.failingSince.map { PageFormat.time($0) } ?? "", "concurrency": status.concurrency ?? 0, "inFlight": status.inFlight,
            "pending": status.deliveries["pending"] ?? 0, "delivered": status.deliveries["delivered"] ?? 0, "failed": status.deliveries["failed"] ?? 0,
        ]
        row["reason"] = status.stored?.disabledReason
        row["enabled"] = status.state == .enabled ? true : nil
        row["disabled"] = status.state == .disabled ? true : nil
        row["sendable"] = status.state == .enabled ? true : nil
        return row
    }

    static func deliveryRow(_ delivery: WebhookDelivery) -> [String: Any] {
        ["id": delivery.id, "endpoint": delivery.endpoint, "event": delivery.eventName, "status": delivery.status.rawValue,
         "statusClass": statusClass(delivery.status), "attempts": delivery.attempts, "lastResult": delivery.lastResult ?? "",
         "nextAttempt": delivery.nextAttemptAt.map { PageFormat.time($0) } ?? ""]
    }

    static func statusClass(_ status: WebhookDelivery.Status) -> String {
        switch status {
        case .delivered: "ok"
        case .failed: "bad"
        case .pending: "warn"
        }
    }

    @Sendable func delivery(_ request: Request, context: APIContext) async throws -> Response {
        let found = try await services.store.webhookDelivery(try context.pathID())
        let delivery = found.delivery
        var data = Self.deliveryRow(delivery)
        data["messageID"] = delivery.messageID
        data["createdAt"] = PageFormat.time(delivery.createdAt)
        data["deliveredAt"] = delivery.deliveredAt.map { PageFormat.time($0) }
        data["nextAttempt"] = delivery.nextAttemptAt.map { PageFormat.time($0) }
        data["redeliverable"] = delivery.status != .pending ? true : nil
        data["body"] = ArgumentRedaction.pretty(delivery.body)
        data["attempts"] = found.attempts.reversed().map { attempt -> [String: Any] in
            let ok = attempt.statusCode.map { (200..<300).contains($0) } ?? false
            var row: [String: Any] = ["attempt": attempt.attempt, "at": PageFormat.time(attempt.attemptedAt), "resultClass": ok ? "ok" : "bad",
                                      "result": attempt.statusCode.map { "HTTP \($0)" } ?? (attempt.errorClass ?? "error"),
                                      "latency": Int(attempt.latencyMilliseconds.rounded())]
            row["next"] = attempt.nextAttemptAt.map { PageFormat.time($0) }
            row["excerpt"] = attempt.responseBody.flatMap { $0.isEmpty ? nil : String($0.prefix(1000)) } ?? attempt.error
            return row
        }
        return pages.page("delivery", title: "Delivery \(delivery.id) · \(delivery.endpoint)", section: "webhooks", context: context, data: data)
    }

    @Sendable func redeliver(_ request: Request, context: APIContext) async throws -> Response {
        let id = try context.pathID()
        _ = try await services.webhooks.redeliver(ids: [id], skipRefused: false, by: context.actor, requestID: context.requestID)
        return Pages.seeOther("/ui/webhooks/deliveries/\(id)")
    }

    @Sendable func test(_ request: Request, context: APIContext) async throws -> Response {
        let result = try await services.webhooks.test(try context.pathText("name"), by: context.actor, requestID: context.requestID,
                                                      logger: context.logger)
        return Pages.seeOther("/ui/webhooks/deliveries/\(result.delivery.id)")
    }

    func switchEndpoint(_ enabled: Bool, _ context: APIContext) async throws -> Response {
        try await services.webhooks.setEnabled(try context.pathText("name"), enabled: enabled, reason: enabled ? nil : "disabled in the dashboard by \(context.actor)",
                                               by: context.actor, requestID: context.requestID)
        return Pages.seeOther("/ui/webhooks")
    }
}
