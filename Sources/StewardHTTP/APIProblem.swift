public import Hummingbird
import Foundation
public import StewardCore
import StewardCRM
import StewardApp

/// An error answer as `application/problem+json` (RFC 9457): the HTTP status, a stable `code`, a
/// message naming what is wrong (the parameter, field or id), how to fix it, and the request id
/// to quote when asking for help.
public struct APIProblem: Error, HTTPResponseError, Sendable {
    public var status: HTTPResponse.Status
    public var code: String
    public var message: String
    public var fix: String?
    public var headers: HTTPFields = [:]

    public init(_ status: HTTPResponse.Status, code: String, _ message: String, fix: String? = nil) {
        self.status = status
        self.code = code
        self.message = message
        self.fix = fix
    }

    /// A request parameter (query, path or header) that is missing or malformed.
    static func badParameter(_ name: String, _ message: String, fix: String? = nil) -> Self {
        Self(.badRequest, code: "invalid_parameter", "parameter '\(name)': \(message)", fix: fix)
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        response(requestID: (context as? APIContext)?.requestID)
    }

    func response(requestID: String?) -> Response {
        var body: [String: String] = ["type": "https://steward.dev/problems/\(code)", "title": status.reasonPhrase,
                                      "code": code, "detail": message]
        body["fix"] = fix
        body["request_id"] = requestID
        var object: [String: Any] = body
        object["status"] = status.code
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
        var headers = headers
        headers[.contentType] = "application/problem+json"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

extension APIProblem {
    /// A service's refusal, with the status its code stands for.
    init(_ error: StewardError) {
        self.init(Self.status(for: error.code), code: error.code.rawValue, error.message, fix: error.fix)
    }

    static func status(for code: StewardError.Code) -> HTTPResponse.Status {
        if code.rawValue.hasSuffix("_not_found") { return .notFound }
        switch code {
        case .invalidTransition, .tokenNameTaken, .deliveryPending, .recordClosed, .endpointDisabled, .staleScan: return .conflict
        case .databaseNotWritable, .databaseUnreadable, .databaseTooNew, .databaseNeedsMigration, .directoryNotWritable: return .serviceUnavailable
        default: return .unprocessableContent
        }
    }
}
