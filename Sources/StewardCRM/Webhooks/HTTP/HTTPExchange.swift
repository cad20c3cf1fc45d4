public import Foundation

/// One HTTP request as the webhook client sends it.
public struct HTTPRequest: Sendable {
    public var url: URL
    public var method = "POST"
    public var headers: [(name: String, value: String)]
    public var body: Data
    public var connectTimeout: Duration
    public var timeout: Duration
    /// The IP address the host was resolved to and checked as; the connection goes there and
    /// nowhere else, so a second DNS answer cannot redirect it (DNS rebinding).
    public var pinnedAddress: String?
    /// How much of the response body is kept.
    public var excerptLimit = 4096

    public init(url: URL, headers: [(name: String, value: String)], body: Data, connectTimeout: Duration = .seconds(5),
                timeout: Duration = .seconds(15), pinnedAddress: String? = nil) {
        self.url = url
        self.headers = headers
        self.body = body
        self.connectTimeout = connectTimeout
        self.timeout = timeout
        self.pinnedAddress = pinnedAddress
    }
}

/// A response: status, headers and the first `excerptLimit` bytes of the body.
public struct HTTPResponse: Sendable {
    public var status: Int
    public var headers: [(name: String, value: String)]
    public var bodyExcerpt: String
    public var latency: Duration

    /// The first header with this name, case-insensitively.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }
}

/// A request that got no HTTP response, classified so operators can tell a dead host from a
/// slow one or a bad certificate.
public struct HTTPFailure: Error, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        case timeout, dns, connect, tls
    }

    public var kind: Kind
    public var message: String
    public var latency: Duration

    public var description: String { "\(kind.rawValue): \(message)" }
}
