import CCurl
import Foundation

/// One request in flight: its easy handle, the lists curl reads from, and what has come back.
/// Only the event loop's thread touches it once it is submitted.
final class CurlTransfer: @unchecked Sendable {
    let request: HTTPRequest
    let started = ContinuousClock.now
    var continuation: CheckedContinuation<HTTPResponse, any Error>?
    /// Set when the cancel command arrived before the start command was run.
    var cancelledEarly = false
    /// Why the address check refused the last address curl tried, if it did.
    var refusal: String?
    private(set) var easy: UnsafeMutableRawPointer?
    private var lists: [UnsafeMutablePointer<curl_slist>] = []
    private var body = Data()
    private var headers: [(name: String, value: String)] = []

    init(request: HTTPRequest) {
        self.request = request
    }

    deinit {
        if let easy { curl_easy_cleanup(easy) }
        for list in lists { curl_slist_free_all(list) }
    }

    /// Creates and configures the easy handle; nil when curl refuses an option.
    func prepare() -> Bool {
        guard let easy = curl_easy_init() else { return false }
        self.easy = easy
        return CurlOptions(easy: easy).apply(request, transfer: self)
    }

    func keep(_ list: UnsafeMutablePointer<curl_slist>) { lists.append(list) }

    /// Frees the easy handle on the loop's thread, once the multi handle has let go of it.
    func releaseHandle() {
        if let easy { curl_easy_cleanup(easy) }
        easy = nil
    }

    func appendBody(_ bytes: UnsafeRawBufferPointer) {
        let room = request.excerptLimit - body.count
        if room > 0 { body.append(contentsOf: bytes.prefix(room)) }
    }

    /// One header line. A new status line (after `100 Continue` or an interim response)
    /// starts the list afresh. Works on bytes: this runs for every header of every response.
    func appendHeaderLine(_ bytes: UnsafeRawBufferPointer) {
        let line = Self.trimmed(bytes[...])
        if line.starts(with: Self.statusPrefix) { return headers.removeAll() }
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")), headers.count < 100 else { return }
        let name = String(decoding: line[..<colon], as: UTF8.self)
        let value = String(decoding: Self.trimmed(line[(colon + 1)...]), as: UTF8.self)
        headers.append((name, value))
    }

    private static let statusPrefix = Array("HTTP/".utf8)

    private static func trimmed(_ bytes: Slice<UnsafeRawBufferPointer>) -> Slice<UnsafeRawBufferPointer> {
        let isSpace: (UInt8) -> Bool = { $0 == 32 || $0 == 9 || $0 == 10 || $0 == 13 }
        guard let first = bytes.firstIndex(where: { !isSpace($0) }), let last = bytes.lastIndex(where: { !isSpace($0) }) else { return bytes[bytes.startIndex..<bytes.startIndex] }
        return bytes[first...last]
    }

    /// The result once curl reports the transfer done.
    func result(_ code: CURLcode) -> Result<HTTPResponse, HTTPFailure> {
        let latency = ContinuousClock.now - started
        if code != CURLE_OK, let refusal { return .failure(HTTPFailure(kind: .refused, message: refusal, latency: latency)) }
        guard code == CURLE_OK, let easy else {
            return .failure(HTTPFailure(kind: Self.kind(of: code), message: String(cString: curl_easy_strerror(code)), latency: latency))
        }
        var status = 0
        _ = steward_easy_get_long(easy, CURLINFO_RESPONSE_CODE, &status)
        return .success(HTTPResponse(status: status, headers: headers, bodyExcerpt: String(decoding: body, as: UTF8.self), latency: latency))
    }

    static func kind(of code: CURLcode) -> HTTPFailure.Kind {
        switch code {
        case CURLE_OPERATION_TIMEDOUT: .timeout
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY: .dns
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER,
             CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ISSUER_ERROR, CURLE_SSL_PINNEDPUBKEYNOTMATCH, CURLE_SSL_INVALIDCERTSTATUS,
             CURLE_SSL_CRL_BADFILE, CURLE_SSL_SHUTDOWN_FAILED, CURLE_USE_SSL_FAILED:
            .tls
        default: .connect
        }
    }
}
