public import Hummingbird
public import HummingbirdAuth
public import Foundation
import Synchronization
public import StewardApp

/// What every request carries once the middleware has run: the token that sent it (never its
/// secret) and the request id that its log line, its audit rows and its error answer share.
public struct APIContext: AuthRequestContext, RequestContext {
    public var coreContext: CoreRequestContextStorage
    public var identity: APIToken?
    public var requestID: String
    /// Why the token sent was refused, for routes that need one.
    var authProblem: APIProblem?
    /// Set when a dashboard session cookie signed the request in (not a bearer token): its
    /// forms must then carry this form token.
    var session: DashboardSession?
    /// Shared by every copy of this request's context, so the outermost middleware (the request
    /// log) learns who the inner ones authenticated.
    let facts = RequestFacts()

    public init(source: Source) {
        coreContext = .init(source: source)
        identity = nil
        requestID = RequestIDs.new()
    }

    /// Uploads are streamed by their routes; this bounds only the JSON bodies decoded whole.
    public var maxUploadSize: Int { 1 << 20 }

    public var responseEncoder: JSONEncoder { APIJSON.encoder() }
    public var requestDecoder: JSONDecoder { APIJSON.decoder() }
}

enum RequestIDs {
    /// 16 random hex digits.
    static func new() -> String {
        String(UInt64.random(in: .min ... .max), radix: 16).leftPadded(to: 16)
    }

    /// A caller's `X-Request-Id` is kept when it is short and plain (it ends up in logs).
    static func accepted(_ header: String?) -> String? {
        guard let header, (1...64).contains(header.count),
              header.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }) else { return nil }
        return header
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}

/// What inner middleware learns about a request that the request log reports.
final class RequestFacts: Sendable {
    private let token = Mutex<String?>(nil)

    var tokenName: String? {
        get { token.withLock { $0 } }
        set { token.withLock { $0 = newValue } }
    }
}
