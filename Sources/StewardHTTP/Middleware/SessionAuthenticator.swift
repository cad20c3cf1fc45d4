import Foundation
import Hummingbird
import HTTPTypes
import StewardApp

/// A dashboard session cookie signs a request in when no bearer token did. The cookie holds a
/// random secret; the database keeps its SHA-256, the token it was signed in with, and the form
/// token (CSRF) the session's forms carry.
struct SessionAuthenticator: RouterMiddleware {
    typealias Context = APIContext
    static let cookieName = "steward_session"
    let sessions: SessionService

    func handle(_ request: Request, context: APIContext, next: (Request, APIContext) async throws -> Response) async throws -> Response {
        guard context.identity == nil, request.headers[.authorization] == nil,
              let cookie = request.cookies[Self.cookieName]?.value, !cookie.isEmpty,
              let session = try await sessions.session(cookie: cookie) else {
            return try await next(request, context)
        }
        var context = context
        context.identity = session.token
        context.session = session
        context.authProblem = nil
        context.facts.tokenName = session.token.name
        return try await next(request, context)
    }
}

/// A request signed in by a session cookie that changes something must carry the session's form
/// token: as the `csrf` field of a form, or the `X-CSRF-Token` header. Bearer requests need none
/// (a browser never adds that header by itself).
struct CSRFMiddleware: RouterMiddleware {
    typealias Context = APIContext

    func handle(_ request: Request, context: APIContext, next: (Request, APIContext) async throws -> Response) async throws -> Response {
        guard let session = context.session, ![.get, .head, .options].contains(request.method) else {
            return try await next(request, context)
        }
        if let header = request.headers[.xCSRFToken] {
            guard Self.same(header, session.csrf) else { throw Self.refusal }
            return try await next(request, context)
        }
        let type = request.headers[.contentType]?.lowercased() ?? ""
        // A multipart upload is streamed: `MultipartFileReceiver` checks its `csrf` field before the file.
        if type.hasPrefix("multipart/form-data") { return try await next(request, context) }
        guard type.hasPrefix("application/x-www-form-urlencoded") else { throw Self.refusal }
        var request = request
        let buffer = try await request.collectBody(upTo: context.maxUploadSize)
        let form = FormFields(String(buffer: buffer))
        guard let given = form["csrf"], Self.same(given, session.csrf) else { throw Self.refusal }
        return try await next(request, context)
    }

    static let refusal = APIProblem(.forbidden, code: "csrf_refused", "the form token is missing or does not match this session",
                                    fix: "reload the page and submit its form again")

    /// Compared in constant time.
    static func same(_ a: String, _ b: String) -> Bool {
        let left = Array(a.utf8), right = Array(b.utf8)
        guard left.count == right.count else { return false }
        return zip(left, right).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

/// Headers every answer carries: no framing, no sniffing, no referrers to other sites (same-origin
/// keeps the Origin header browsers send with forms, which sign-in checks), and a content policy
/// that runs only the dashboard's own script and styles.
struct SecurityHeadersMiddleware: RouterMiddleware {
    typealias Context = APIContext

    func handle(_ request: Request, context: APIContext, next: (Request, APIContext) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.contentSecurityPolicy] = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "frame-ancestors 'none'; form-action 'self'; base-uri 'none'"
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.referrerPolicy] = "same-origin"
        response.headers[.xFrameOptions] = "DENY"
        return response
    }
}

/// `application/x-www-form-urlencoded` fields (the last of a repeated name wins).
struct FormFields {
    private var fields: [String: String] = [:]

    init(_ body: String) {
        for pair in body.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(Self.decode)
            fields[parts[0]] = parts.count > 1 ? parts[1] : ""
        }
    }

    subscript(name: String) -> String? { fields[name] }

    private static func decode(_ text: Substring) -> String {
        String(text).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(text)
    }
}

extension HTTPField.Name {
    static let xCSRFToken = Self("X-CSRF-Token")!
    static let xContentTypeOptions = Self("X-Content-Type-Options")!
    static let referrerPolicy = Self("Referrer-Policy")!
    static let xFrameOptions = Self("X-Frame-Options")!
}
