import Foundation
import Hummingbird
import HTTPTypes
import StewardApp
import StewardCore

/// The dashboard under `/ui` (the API owns the resource paths, so each URL has one
/// representation): sign-in and sign-out, its assets, and each section's pages.
struct DashboardRoutes {
    let services: APIServices
    let pages: Pages

    func add(to router: Router<APIContext>) {
        let ui = router.group().add(middleware: PageErrorMiddleware(pages: pages))
        ui.get("/", use: { _, _ in Pages.seeOther("/ui") })
        ui.get("/ui/login", use: loginForm)
        ui.post("/ui/login", use: login)
        ui.post("/ui/logout", use: logout)
        ui.get("/ui/static/steward.css", use: { _, _ in Self.asset(DashboardAssets.css, type: "text/css; charset=utf-8") })
        ui.get("/ui/static/steward.js", use: { _, _ in Self.asset(DashboardAssets.js, type: "text/javascript; charset=utf-8") })
        OverviewPage(services: services, pages: pages).add(to: ui)
        JobPages(services: services, pages: pages).add(to: ui)
        QueuePages(services: services, pages: pages).add(to: ui)
        ImportPages(services: services, pages: pages).add(to: ui)
        WebhookPages(services: services, pages: pages).add(to: ui)
        OperationPages(services: services, pages: pages).add(to: ui)
        CadencePages(services: services, pages: pages).add(to: ui)
    }

    static func asset(_ text: String, type: String) -> Response {
        Response(status: .ok, headers: [.contentType: type, .cacheControl: "max-age=300"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    @Sendable func loginForm(_ request: Request, context: APIContext) async throws -> Response {
        pages.page("login", title: "Sign in", section: "", context: context, data: ["next": Self.safeNext(request.uri.queryParameters["next"].map(String.init))])
    }

    /// A token that works opens a session: an HttpOnly, SameSite=Strict cookie (Secure behind
    /// TLS). Posts from another origin are refused, so no site can sign a browser in.
    @Sendable func login(_ request: Request, context: APIContext) async throws -> Response {
        if let origin = request.headers[.origin], let host = request.head.authority, origin != "http://\(host)", origin != "https://\(host)" {
            throw APIProblem(.forbidden, code: "csrf_refused", "sign-in from another site (\(origin)) is refused")
        }
        var request = request
        let form = FormFields(String(buffer: try await request.collectBody(upTo: 64 << 10)))
        let next = Self.safeNext(form["next"])
        guard let secret = form["token"], !secret.isEmpty,
              let (session, cookie) = try await services.sessions.signIn(tokenSecret: secret.trimmingCharacters(in: .whitespaces), requestID: context.requestID) else {
            return pages.page("login", title: "Sign in", section: "", context: context,
                              data: ["next": next, "error": "That token is unknown or revoked."], status: .unauthorized)
        }
        var response = Pages.seeOther(next)
        let secure = request.headers[.xForwardedProto] == "https"
        response.setCookie(Cookie(name: SessionAuthenticator.cookieName, value: cookie, maxAge: Int(session.expiresAt.timeIntervalSince(services.clock.now())),
                                  path: "/", secure: secure, httpOnly: true, sameSite: .strict))
        return response
    }

    /// Ends the session (the form carries its token, checked like any other form).
    @Sendable func logout(_ request: Request, context: APIContext) async throws -> Response {
        if let cookie = request.cookies[SessionAuthenticator.cookieName]?.value, context.session != nil {
            try await services.sessions.signOut(cookie: cookie, requestID: context.requestID)
        }
        var response = Pages.seeOther("/ui/login")
        response.setCookie(Cookie(name: SessionAuthenticator.cookieName, value: "", maxAge: 0, path: "/", httpOnly: true, sameSite: .strict))
        return response
    }

    /// Only a dashboard path: never another site.
    static func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix("/ui"), !next.hasPrefix("//"), !next.contains("\\") else { return "/ui" }
        return next
    }
}

extension HTTPField.Name {
    static let xForwardedProto = Self("X-Forwarded-Proto")!
}
