import Hummingbird
import HummingbirdAuth
import StewardApp

/// `Authorization: Bearer TOKEN` checked against the stored hashes. A request without a valid
/// token goes on unauthenticated: public routes (`/health`, `/ready`, `/openapi.json`) answer it
/// whatever its header says, and `RequireRole` refuses it elsewhere with 401, saying why (no
/// header, not Bearer, or a token unknown or revoked).
struct TokenAuthenticator: RouterMiddleware {
    typealias Context = APIContext
    let tokens: TokenService
    let cache: TokenCache

    func handle(_ request: Request, context: APIContext, next: (Request, APIContext) async throws -> Response) async throws -> Response {
        var context = context
        do {
            context.identity = try await authenticate(request: request, context: context)
        } catch let problem as APIProblem {
            context.authProblem = problem
        }
        return try await next(request, context)
    }

    func authenticate(request: Request, context: APIContext) async throws -> APIToken? {
        guard let header = request.headers[.authorization] else { return nil }
        guard let bearer = request.headers.bearer, !bearer.token.isEmpty else {
            throw APIProblem(.unauthorized, code: "unauthorized", "the Authorization header is not 'Bearer TOKEN'",
                             fix: "send Authorization: Bearer followed by a token from `steward tokens create`")
                .challenging(header.isEmpty ? nil : "invalid_request")
        }
        let digest = TokenService.digest(bearer.token)
        if let token = cache.token(for: digest) {
            context.facts.tokenName = token.name
            return token
        }
        guard let token = try await tokens.authenticate(bearer.token) else {
            throw APIProblem(.unauthorized, code: "unauthorized", "the bearer token is unknown or revoked",
                             fix: "create a token with `steward tokens create NAME --role ROLE`").challenging("invalid_token")
        }
        cache.remember(token, for: digest)
        context.facts.tokenName = token.name
        return token
    }
}

/// Routes below it need at least `role`. 401 when no token was sent, 403 (naming both roles)
/// when the token's role is too low.
struct RequireRole: RouterMiddleware {
    typealias Context = APIContext
    let role: APIRole

    func handle(_ request: Request, context: APIContext, next: (Request, APIContext) async throws -> Response) async throws -> Response {
        guard let token = context.identity else {
            if let problem = context.authProblem { throw problem }
            throw APIProblem(.unauthorized, code: "unauthorized", "this route needs a token with the \(role.rawValue) role or above",
                             fix: "send Authorization: Bearer TOKEN (create one with `steward tokens create NAME --role \(role.rawValue)`)")
                .challenging(nil)
        }
        guard token.role >= role else {
            throw APIProblem(.forbidden, code: "forbidden",
                             "this route needs the \(role.rawValue) role; token '\(token.name)' has \(token.role.rawValue)",
                             fix: "use a token with the \(role.rawValue) role")
        }
        return try await next(request, context)
    }
}

extension APIProblem {
    /// A 401 names the scheme it wants (RFC 6750).
    func challenging(_ error: String?) -> Self {
        var problem = self
        problem.headers[.wwwAuthenticate] = "Bearer realm=\"steward\"" + (error.map { ", error=\"\($0)\"" } ?? "")
        return problem
    }
}
