public import Foundation

/// One HTTP request as the webhook client sends it.
public struct HTTPRequest: Sendable {
    public var url: URL
    public var method = "POST"
    public var headers: [(name: String, value: String)]
    public var body: Data
    public var connectTimeout: Duration
    public var timeout: Duration
    /// Why an address may not be connected to, or nil when it may. Run on every address curl
    /// is about to open a socket to, so a second DNS answer cannot slip past it (DNS rebinding).
    public var addressCheck: (@Sendable ([UInt8]) -> String?)?
    /// How much of the response body is kept.
    public var excerptLimit = 4096

    public init(url: URL, headers: [(name: String, value: String)], body: Data, connectTimeout: Duration = .seconds(5),
                timeout: Duration = .seconds(15), addressCheck: (@Sendable ([UInt8]) -> String?)? = nil) {
        self.url = url
        self.headers = headers
        self.body = body
        self.connectTimeout = connectTimeout
        self.timeout = timeout
        self.addressCheck = addressCheck
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
        /// Not sent: every address the host resolved to was refused by the address check.
        case refused
    }

    public var kind: Kind
    public var message: String
    public var latency: Duration

    public var description: String { "\(kind.rawValue): \(message)" }
}
