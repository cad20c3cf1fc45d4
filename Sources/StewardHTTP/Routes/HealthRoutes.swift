import Foundation
import StewardCore
import Hummingbird
import StewardApp

/// `/health` (the process answers), `/ready` (it can do its work; 503 naming what fails),
/// `/metrics` (Prometheus text, live) and `/openapi.json` (this API described).
struct HealthRoutes {
    let services: APIServices

    func add(to router: Router<APIContext>) {
        router.get("/health", use: health)
        router.get("/ready", use: ready)
        router.get("/openapi.json", use: openAPI)
        router.requiring(.viewer).get("/metrics", use: metrics)
    }

    struct Health: ResponseEncodable { var status: String; var version: String }

    @Sendable func health(_ request: Request, context: APIContext) async throws -> Health {
        _ = try QueryInput(request, allowed: [])
        return Health(status: "ok", version: StewardVersion.current)
    }

    struct Ready: ResponseEncodable {
        struct Check: Encodable { var name: String; var ok: Bool; var detail: String }
        var ready: Bool
        var checks: [Check]
    }

    @Sendable func ready(_ request: Request, context: APIContext) async throws -> EditedResponse<Ready> {
        _ = try QueryInput(request, allowed: [])
        let checks = await services.readiness.check()
        let ready = checks.allSatisfy(\.ok)
        let body = Ready(ready: ready, checks: checks.map { Ready.Check(name: $0.name, ok: $0.ok, detail: $0.detail) })
        return EditedResponse(status: ready ? .ok : .serviceUnavailable, response: body)
    }

    @Sendable func metrics(_ request: Request, context: APIContext) async throws -> Response {
        _ = try QueryInput(request, allowed: [])
        return Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                        body: .init(byteBuffer: ByteBuffer(string: services.metricsText())))
    }

    @Sendable func openAPI(_ request: Request, context: APIContext) async throws -> Response {
        _ = try QueryInput(request, allowed: [])
        return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: OpenAPIDocument.json)))
    }
}
