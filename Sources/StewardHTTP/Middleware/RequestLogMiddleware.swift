import Foundation
import Hummingbird
import Logging
import HTTPTypes

/// One structured line per request once it is answered: method, route (the pattern, so ids do
/// not scatter it), status, latency, request id and the token's name. Never a header's value:
/// `Authorization` carries the secret. The request id goes back in `X-Request-Id`.
struct RequestLogMiddleware: RouterMiddleware {
    typealias Context = APIContext
    let logger: Logger

    func handle(_ request: Request, context: APIContext, next: (Request, APIContext) async throws -> Response) async throws -> Response {
        var context = context
        if let given = RequestIDs.accepted(request.headers[.xRequestID]) { context.requestID = given }
        let started = ContinuousClock.now
        var response = try await next(request, context)
        response.headers[.xRequestID] = context.requestID
        log(request, response.status, context: context, seconds: (ContinuousClock.now - started) / .seconds(1))
        return response
    }

    private func log(_ request: Request, _ status: HTTPResponse.Status, context: APIContext, seconds: Double) {
        var metadata: Logger.Metadata = [
            "method": "\(request.method.rawValue)",
            "route": "\(context.endpointPath ?? "(no route)")",
            "status": "\(status.code)",
            "latency_ms": "\(String(format: "%.2f", seconds * 1000))",
            "request_id": "\(context.requestID)",
        ]
        if let token = context.facts.tokenName { metadata["token"] = "\(token)" }
        logger.info("request", metadata: metadata)
    }
}

extension HTTPField.Name {
    static let xRequestID = Self("X-Request-Id")!
    static let idempotencyKey = Self("Idempotency-Key")!
}
