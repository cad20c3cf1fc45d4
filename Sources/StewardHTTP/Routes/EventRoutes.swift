import Foundation
import Hummingbird
import StewardApp
import StewardCore

/// `/events`: recent domain events with their dispatch; recording one by hand (admin).
struct EventRoutes {
    let services: APIServices

    func add(to router: Router<APIContext>) {
        router.requiring(.viewer).get("/events", use: list)
        router.requiring(.admin).post("/events", use: emit)
    }

    @Sendable func list(_ request: Request, context: APIContext) async throws -> Page<EventView> {
        let query = try QueryInput(request, allowed: ["limit", "before"])
        let page = try query.page()
        let events = try await services.events.list(limit: page.limit, beforeID: page.before)
        return Page(events.map { EventView($0.event, dispatchedAt: $0.dispatchedAt) }, limit: page.limit, id: \.id)
    }

    struct EmitBody: Decodable {
        var name: String
        var payload: JSONValue?
        static let fields: Set<String> = ["name", "payload"]
    }

    struct Emitted: ResponseEncodable { var id: Int64; var name: String }

    @Sendable func emit(_ request: Request, context: APIContext) async throws -> EditedResponse<Emitted> {
        _ = try QueryInput(request, allowed: [])
        let body = try await JSONBody.decode(EmitBody.self, fields: EmitBody.fields, from: request, context: context)
        let payload = String(decoding: try JSONEncoder().encode(body.payload ?? .object([:])), as: UTF8.self)
        let id = try await services.events.emit(body.name, payload: payload, by: context.actor, requestID: context.requestID)
        return EditedResponse(status: .created, response: Emitted(id: id, name: body.name))
    }
}
