import CCurl
import Foundation
import StewardCore

/// The options every webhook request gets: no redirects, no proxies, HTTP(S) only, timeouts,
/// the address check on every socket, and callbacks that collect the response.
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
        if request.addressCheck != nil { codes.append(steward_easy_set_open_socket(easy, openCheckedSocket, user)) }
        return codes.allSatisfy { $0 == CURLE_OK }
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

/// Opens a socket only to an address the request's check allows. Curl resolves the name itself
/// (bounded by the connect timeout, cancellable), and whatever it resolved to, a refused address
/// gets no packet: the check is on the address actually connected to, not on a separate lookup.
private let openCheckedSocket: steward_open_socket_callback = { user, _, address in
    guard let user, let address else { return -1 }
    let transfer = Unmanaged<CurlTransfer>.fromOpaque(user).takeUnretainedValue()
    var bytes = [UInt8](repeating: 0, count: 16)
    let count = Int(steward_socket_address(address, &bytes))
    if let reason = transfer.request.addressCheck?(Array(bytes.prefix(count))) {
        transfer.refusal = reason
        return -1
    }
    return steward_open_socket(address)
}
