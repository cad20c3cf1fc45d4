public import Hummingbird
public import Logging
import StewardApp
import StewardCRM

/// The HTTP API assembled: middleware in the order every request passes it (request log,
/// problem answers, token check), then each resource's routes with the role it needs.
public enum APIServer {
    public static func router(_ services: APIServices, logger: Logger) -> Router<APIContext> {
        let router = Router(context: APIContext.self)
        let table = RouteTable()
        router.add(middleware: RequestLogMiddleware(logger: logger))
        router.add(middleware: ProblemMiddleware(routes: table))
        router.add(middleware: SecurityHeadersMiddleware())
        router.add(middleware: TokenAuthenticator(tokens: services.tokens, cache: services.tokenCache))
        router.add(middleware: SessionAuthenticator(sessions: services.sessions))
        router.add(middleware: CSRFMiddleware())
        HealthRoutes(services: services).add(to: router)
        QueueRoutes(services: services).add(to: router)
        JobActivityRoutes(services: services).add(to: router)
        TokenRoutes(services: services).add(to: router)
        ImportRoutes(services: services).add(to: router)
        JobRoutes(services: services).add(to: router)
        ScheduleRoutes(services: services).add(to: router)
        ExportRoutes(services: services).add(to: router)
        EventRoutes(services: services).add(to: router)
        WebhookRoutes(services: services).add(to: router)
        CadenceRoutes(services: services).add(to: router)
        DashboardRoutes(services: services, pages: Pages()).add(to: router)
        table.fill(router.routes.map { ($0.path.description, $0.method.rawValue) })
        return router
    }

    /// What runs before the server listens: uploads a killed server left half-written (or
    /// written but never registered) are removed.
    public static func prepare(_ services: APIServices, logger: Logger) async throws {
        let removed = try await services.imports.sweepAbandonedUploads()
        if !removed.isEmpty { logger.notice("removed uploads an earlier server left unfinished", metadata: ["files": "\(removed.count)"]) }
    }

    /// Every API route as `METHOD /path/{parameter}`, for checking the OpenAPI document against
    /// (the dashboard's pages, `/` and `/ui/…`, are HTML, not part of it).
    public static func routeList(_ services: APIServices) -> [String] {
        router(services, logger: Logger(label: "steward.routes")).routes.map { ($0.method.rawValue, $0.path.description) }
            .filter { $0.1 != "/" && !$0.1.hasPrefix("/ui") }.map { "\($0.0) \($0.1)" }.sorted()
    }

    /// The server on `host:port` (port 0: any free port); `onListening` hears the bound port.
    public static func application(_ services: APIServices, host: String, port: Int, logger: Logger,
                                   onListening: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        Application(
            router: router(services, logger: logger),
            configuration: .init(address: .hostname(host, port: port), serverName: "steward"),
            onServerRunning: { channel in await onListening(channel.localAddress?.port ?? port) },
            logger: logger
        )
    }
}
