import Foundation
import StewardCore
import Hummingbird
import StewardApp

/// `/tokens` (admin): list, create (the secret is in this one answer only), revoke.
struct TokenRoutes {
    let services: APIServices

    func add(to router: Router<APIContext>) {
        let admin = router.requiring(.admin)
        admin.get("/tokens", use: list)
        admin.post("/tokens", use: create)
        admin.delete("/tokens/{name}", use: revoke)
    }

    @Sendable func list(_ request: Request, context: APIContext) async throws -> [TokenView] {
        let query = try QueryInput(request, allowed: ["include_revoked"])
        return try await services.tokens.list(includeRevoked: try query.bool("include_revoked") ?? false).map(TokenView.init)
    }

    struct CreateBody: Decodable {
        var name: String
        var role: String
        static let fields: Set<String> = ["name", "role"]
    }

    @Sendable func create(_ request: Request, context: APIContext) async throws -> EditedResponse<CreatedTokenView> {
        _ = try QueryInput(request, allowed: [])
        let body = try await JSONBody.decode(CreateBody.self, fields: CreateBody.fields, from: request, context: context)
        guard let role = APIRole(rawValue: body.role) else {
            throw APIProblem(.unprocessableContent, code: "invalid_body", "field 'role': '\(body.role)' is not one of viewer, operator, admin")
        }
        let created = try await services.tokens.create(name: body.name, role: role, by: context.actor, requestID: context.requestID)
        return EditedResponse(status: .created, response: CreatedTokenView(token: TokenView(created.token), secret: created.secret))
    }

    @Sendable func revoke(_ request: Request, context: APIContext) async throws -> TokenView {
        _ = try QueryInput(request, allowed: [])
        let name = try context.pathText("name")
        let revoked = try await services.tokens.revoke(name: name, by: context.actor, requestID: context.requestID)
        services.tokenCache.forget(named: name)
        return TokenView(revoked)
    }
}
