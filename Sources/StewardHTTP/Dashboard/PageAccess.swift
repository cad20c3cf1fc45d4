import Foundation
import Hummingbird
import StewardApp

/// Pages need a signed-in token of at least `role`: a browser without one is sent to the sign-in
/// page (and back afterwards); one whose role is too low gets a 403 page, and a forged form post
/// is refused the same way.
struct RequirePage: RouterMiddleware {
    typealias Context = APIContext
    let role: APIRole
    let pages: Pages

    func handle(_ request: Request, context: APIContext, next: (Request, APIContext) async throws -> Response) async throws -> Response {
        guard let token = context.identity else {
            if request.method == .get {
                let next = request.uri.path + (request.uri.query.map { "?" + $0 } ?? "")
                return Pages.seeOther("/ui/login?next=" + (next.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/ui"))
            }
            return pages.page("message", title: "Signed out", section: "", context: context,
                              data: ["message": "Your session has ended.", "fix": "Sign in again."], status: .unauthorized)
        }
        guard token.role >= role else {
            return pages.page("message", title: "Not allowed", section: "", context: context,
                              data: ["message": "This needs the \(role.rawValue) role; token '\(token.name)' has \(token.role.rawValue)."], status: .forbidden)
        }
        return try await next(request, context)
    }
}

/// Errors on pages become pages: what went wrong and how to fix it, with the status the API
/// would answer.
struct PageErrorMiddleware: RouterMiddleware {
    typealias Context = APIContext
    let pages: Pages

    func handle(_ request: Request, context: APIContext, next: (Request, APIContext) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let problem = ProblemMiddleware.problem(for: error, context: context)
            return pages.page("message", title: problem.status.reasonPhrase, section: "", context: context,
                              data: ["message": problem.message, "fix": problem.fix ?? ""], status: problem.status)
        }
    }
}
