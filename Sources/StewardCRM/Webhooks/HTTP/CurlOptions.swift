import CCurl
import Foundation
import StewardCore

/// The options every webhook request gets: no redirects, no proxies, HTTP(S) only, timeouts,
/// the pinned address, and callbacks that collect the response.
struct CurlOptions {
    let easy: UnsafeMutableRawPointer

    func apply(_ request: HTTPRequest, transfer: CurlTransfer) -> Bool {
        let user = Unmanaged.passUnretained(transfer).toOpaque()
        var codes = [
            steward_easy_set_string(easy, CURLOPT_URL, request.url.absoluteString),
            steward_easy_set_string(easy, CURLOPT_CUSTOMREQUEST, request.method),
            steward_easy_set_long(easy, CURLOPT_NOSIGNAL, 1),
            steward_easy_set_long(easy, CURLOPT_FOLLOWLOCATION, 0),
            steward_easy_set_string(easy, CURLOPT_NOPROXY, "*"),
            steward_easy_restrict_to_http(easy),
            steward_easy_set_long(easy, CURLOPT_CONNECTTIMEOUT_MS, Self.milliseconds(request.connectTimeout)),
            steward_easy_set_long(easy, CURLOPT_TIMEOUT_MS, Self.milliseconds(request.timeout)),
            steward_easy_set_size(easy, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(request.body.count)),
            request.body.withUnsafeBytes { steward_easy_set_pointer(easy, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: $0.baseAddress ?? UnsafeRawPointer(bitPattern: 1)!)) },
            steward_easy_set_callback(easy, CURLOPT_WRITEFUNCTION, writeBody),
            steward_easy_set_pointer(easy, CURLOPT_WRITEDATA, user),
            steward_easy_set_callback(easy, CURLOPT_HEADERFUNCTION, readHeader),
            steward_easy_set_pointer(easy, CURLOPT_HEADERDATA, user),
            steward_easy_set_pointer(easy, CURLOPT_PRIVATE, user),
        ]
        codes.append(setList(CURLOPT_HTTPHEADER, request.headers.map { "\($0.name): \($0.value)" } + ["Expect:"], transfer: transfer))
        if let pin = pinEntry(request) { codes.append(setList(CURLOPT_RESOLVE, [pin], transfer: transfer)) }
        return codes.allSatisfy { $0 == CURLE_OK }
    }

    /// `host:port:address`, so curl connects to the checked address while TLS still verifies
    /// the host name.
    private func pinEntry(_ request: HTTPRequest) -> String? {
        // An address literal needs no pin, and a RESOLVE entry per request would replace the
        // shared DNS cache entry each time.
        guard let address = request.pinnedAddress, let host = request.url.host, address != host else { return nil }
        let port = request.url.port ?? (request.url.scheme == "https" ? 443 : 80)
        return "\(host):\(port):\(address.contains(":") ? "[\(address)]" : address)"
    }

    private func setList(_ option: CURLoption, _ lines: [String], transfer: CurlTransfer) -> CURLcode {
        var list: UnsafeMutablePointer<curl_slist>?
        for line in lines { list = curl_slist_append(list, line) }
        guard let list else { return CURLE_OUT_OF_MEMORY }
        transfer.keep(list)
        return steward_easy_set_list(easy, option, list)
    }

    static func milliseconds(_ duration: Duration) -> Int {
        max(1, Int((duration.timeInterval * 1000).rounded()))
    }
}

private let writeBody: steward_curl_data_callback = { data, size, count, user in
    guard let data, let user else { return 0 }
    let transfer = Unmanaged<CurlTransfer>.fromOpaque(user).takeUnretainedValue()
    transfer.appendBody(UnsafeRawBufferPointer(start: data, count: size * count))
    return size * count
}

private let readHeader: steward_curl_data_callback = { data, size, count, user in
    guard let data, let user else { return 0 }
    let transfer = Unmanaged<CurlTransfer>.fromOpaque(user).takeUnretainedValue()
    transfer.appendHeaderLine(UnsafeRawBufferPointer(start: data, count: size * count))
    return size * count
}
