import Foundation
import Hummingbird
import StewardApp
import StewardCore
import StewardCRM

/// `/webhooks`: endpoints with their health, deliveries with their attempts, redelivery
/// (operator), a test ping (operator), switching endpoints on and off (admin).
struct WebhookRoutes {
    let services: APIServices

    func add(to router: Router<APIContext>) {
        let viewer = router.requiring(.viewer)
        viewer.get("/webhooks/endpoints", use: endpoints)
        viewer.get("/webhooks/deliveries", use: deliveries)
        viewer.get("/webhooks/deliveries/{id}", use: delivery)
        let operatorRole = router.requiring(.operator)
        operatorRole.post("/webhooks/deliveries/{id}/redeliver", use: redeliver)
        operatorRole.post("/webhooks/redeliver", use: redeliverFailed)
        operatorRole.post("/webhooks/endpoints/{name}/test", use: test)
        let admin = router.requiring(.admin)
        admin.post("/webhooks/endpoints/{name}/enable", use: enable)
        admin.post("/webhooks/endpoints/{name}/disable", use: disable)
    }

    @Sendable func endpoints(_ request: Request, context: APIContext) async throws -> [WebhookEndpointView] {
        _ = try QueryInput(request, allowed: [])
        return try await services.webhooks.endpoints().map(WebhookEndpointView.init)
    }

    @Sendable func deliveries(_ request: Request, context: APIContext) async throws -> Page<WebhookDeliveryView> {
        let query = try QueryInput(request, allowed: ["endpoint", "status", "event", "limit", "before"])
        let page = try query.page()
        let params = WebhookDeliveryListParams(endpoint: try query.string("endpoint"), status: try query.choice("status", of: WebhookDelivery.Status.self),
                                               event: try query.string("event"), limit: page.limit, beforeID: page.before)
        return Page(try await services.store.webhookDeliveries(params).map { WebhookDeliveryView($0) }, limit: page.limit, id: \.id)
    }

    @Sendable func delivery(_ request: Request, context: APIContext) async throws -> WebhookDeliveryView {
        _ = try QueryInput(request, allowed: [])
        let found = try await services.store.webhookDelivery(try context.pathID())
        return WebhookDeliveryView(found.delivery, attempts: found.attempts)
    }

    struct Redelivered: ResponseEncodable { var redelivered: [Int64] }

    @Sendable func redeliver(_ request: Request, context: APIContext) async throws -> EditedResponse<Redelivered> {
        _ = try QueryInput(request, allowed: [])
        let ids = try await services.webhooks.redeliver(ids: [try context.pathID()], skipRefused: false, by: context.actor, requestID: context.requestID)
        return EditedResponse(status: .accepted, response: Redelivered(redelivered: ids))
    }

    struct FailedSinceBody: Decodable {
        var failedSince: Date
        static let fields: Set<String> = ["failed_since"]
    }

    /// Every delivery failed at or after `failed_since`; those that cannot be sent are skipped.
    @Sendable func redeliverFailed(_ request: Request, context: APIContext) async throws -> EditedResponse<Redelivered> {
        _ = try QueryInput(request, allowed: [])
        let body = try await JSONBody.decode(FailedSinceBody.self, fields: FailedSinceBody.fields, from: request, context: context)
        let ids = try await services.webhooks.redeliverFailed(since: body.failedSince, by: context.actor, requestID: context.requestID)
        return EditedResponse(status: .accepted, response: Redelivered(redelivered: ids))
    }

    struct Tested: ResponseEncodable { var accepted: Bool; var delivery: WebhookDeliveryView }

    /// The ping's outcome is the answer's content, not its status: 200 either way.
    @Sendable func test(_ request: Request, context: APIContext) async throws -> Tested {
        _ = try QueryInput(request, allowed: [])
        let result = try await services.webhooks.test(try context.pathText("name"), by: context.actor, requestID: context.requestID,
                                                      logger: context.logger)
        let found = try await services.store.webhookDelivery(result.delivery.id)
        return Tested(accepted: result.accepted, delivery: WebhookDeliveryView(found.delivery, attempts: found.attempts))
    }

    struct DisableBody: Decodable {
        var reason: String?
        static let fields: Set<String> = ["reason"]
    }

    @Sendable func enable(_ request: Request, context: APIContext) async throws -> WebhookEndpointView {
        _ = try QueryInput(request, allowed: [])
        return try await setEnabled(true, reason: nil, context: context)
    }

    @Sendable func disable(_ request: Request, context: APIContext) async throws -> WebhookEndpointView {
        _ = try QueryInput(request, allowed: [])
        let body = try await JSONBody.decode(DisableBody.self, fields: DisableBody.fields, from: request, context: context, emptyAs: "{}")
        return try await setEnabled(false, reason: body.reason, context: context)
    }

    private func setEnabled(_ enabled: Bool, reason: String?, context: APIContext) async throws -> WebhookEndpointView {
        let name = try context.pathText("name")
        try await services.webhooks.setEnabled(name, enabled: enabled, reason: reason, by: context.actor, requestID: context.requestID)
        guard let status = try await services.webhooks.endpoints().first(where: { $0.name == name }) else {
            throw StewardError(.endpointNotFound, "no webhook endpoint named '\(name)'")
        }
        return WebhookEndpointView(status)
    }
}
