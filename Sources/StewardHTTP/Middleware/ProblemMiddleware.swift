import Foundation
import Hummingbird
import Logging
import StewardCore

/// Turns every error a route or middleware throws into a problem+json answer. What no rule
/// explains is a 500 whose detail names only the request id: the error itself goes to the log,
/// where a message from deep inside (a path, a SQL statement) cannot reach the caller.
struct ProblemMiddleware: RouterMiddleware {
    typealias Context = APIContext
    let routes: RouteTable

    func handle(_ request: Request, context: APIContext, next: (Request, APIContext) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            return notFound(request).response(requestID: context.requestID)
        } catch {
            return Self.problem(for: error, context: context).response(requestID: context.requestID)
        }
    }

    static func problem(for error: any Error, context: APIContext) -> APIProblem {
        switch error {
        case let problem as APIProblem: return problem
        case let error as StewardError: return APIProblem(error)
        case let error as HTTPError: return Self.problem(error)
        case let error as DecodingError: return Self.problem(error)
        default:
            context.logger.error("request failed", metadata: ["request_id": "\(context.requestID)", "error": "\(error)"])
            return APIProblem(.internalServerError, code: "internal_error", "the request failed inside Steward",
                              fix: "the server's log has the cause under request id \(context.requestID)")
        }
    }

    /// 405 naming the methods the path answers, else 404.
    func notFound(_ request: Request) -> APIProblem {
        let allowed = routes.methods(for: request.uri.path)
        guard !allowed.isEmpty else { return Self.problem(HTTPError(.notFound)) }
        var problem = APIProblem(.methodNotAllowed, code: "method_not_allowed", "\(request.uri.path) does not answer \(request.method.rawValue)",
                                 fix: "use \(allowed.joined(separator: " or "))")
        problem.headers[.allow] = allowed.joined(separator: ", ")
        return problem
    }

    static func problem(_ error: HTTPError) -> APIProblem {
        switch error.status {
        case .notFound: return APIProblem(.notFound, code: "route_not_found", "no such route", fix: "see /openapi.json for the routes")
        case .contentTooLarge: return APIProblem(.contentTooLarge, code: "body_too_large", error.body ?? "the request body is too large")
        default:
            let code = error.status.reasonPhrase.lowercased().replacingOccurrences(of: " ", with: "_")
            return APIProblem(error.status, code: code, error.body ?? error.status.reasonPhrase)
        }
    }

    /// The JSON body's field at fault, by its path (`profile`, `items[2].id`).
    static func problem(_ error: DecodingError) -> APIProblem {
        func path(_ codingPath: [any CodingKey]) -> String {
            let text = codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\(snake($0.stringValue))" }.joined()
            return text.hasPrefix(".") ? String(text.dropFirst()) : text
        }
        let message: String
        switch error {
        case .typeMismatch(let type, let context): message = "field '\(path(context.codingPath))' must be \(APITypeNames.name(type))"
        case .valueNotFound(let type, let context): message = "field '\(path(context.codingPath))' must be \(APITypeNames.name(type)), not null"
        case .keyNotFound(let key, let context): message = "field '\(path(context.codingPath + [key]))' is required"
        case .dataCorrupted(let context):
            message = context.codingPath.isEmpty ? "the body is not valid JSON" : "field '\(path(context.codingPath))': \(context.debugDescription)"
        @unknown default: message = "the body does not match the expected shape"
        }
        return APIProblem(.badRequest, code: "invalid_body", message, fix: "see the request schema in /openapi.json")
    }

    private static func snake(_ key: String) -> String {
        key.reduce(into: "") { text, character in
            if character.isUppercase { text += "_" + character.lowercased() } else { text.append(character) }
        }
    }
}

/// Swift type names said the way a JSON user reads them.
enum APITypeNames {
    static func name(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a string"
        case is Int.Type, is Int64.Type: return "an integer"
        case is Double.Type: return "a number"
        case is Bool.Type: return "true or false"
        default: return "\(type)".hasPrefix("Array") ? "an array" : "an object"
        }
    }
}
