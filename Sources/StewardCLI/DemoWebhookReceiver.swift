import Foundation
import Synchronization

/// A tiny HTTP server on 127.0.0.1 for `steward demo`: answers each POST from a script per path
/// (`/flaky` fails once, then succeeds) and remembers what it was sent. One thread, one
/// connection at a time: enough for a handful of demo deliveries.
final class DemoWebhookReceiver: Sendable {
    struct Received: Sendable {
        var path: String
        var headers: [String: String]
    }

    private let listener: Int32
    let port: Int
    private let received = Mutex<[Received]>([])

    init() throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        self.listener = listener
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, length) == 0 && listen(listener, 16) == 0 && getsockname(listener, $0, &length) == 0 }
        }
        guard bound else { throw POSIXError(.EADDRNOTAVAIL) }
        port = Int(UInt16(bigEndian: address.sin_port))
        Thread.detachNewThread { [self] in serve() }
    }

    func stop() { shutdown(listener, Int32(SHUT_RDWR)); close(listener) }

    var requests: [Received] { received.withLock { $0 } }

    private func serve() {
        while case let connection = accept(listener, nil, nil), connection >= 0 {
            let request = Self.read(connection)
            let path = request.path
            let failures = received.withLock { list in
                defer { list.append(request) }
                return list.filter { $0.path == path }.count
            }
            let status = path == "/flaky" && failures == 0 ? "503 Service Unavailable" : "200 OK"
            let reply = "HTTP/1.1 \(status)\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            _ = reply.withCString { write(connection, $0, strlen($0)) }
            close(connection)
        }
    }

    /// The request line and headers; the body is read and dropped.
    private static func read(_ connection: Int32) -> Received {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 16384)
        while true {
            let count = recv(connection, &buffer, buffer.count, 0)
            if count <= 0 { break }
            data.append(contentsOf: buffer[0..<count])
            if let request = parse(data) { return request }
        }
        return Received(path: "", headers: [:])
    }

    private static func parse(_ data: Data) -> Received? {
        let text = String(decoding: data, as: UTF8.self)
        guard let end = text.range(of: "\r\n\r\n") else { return nil }
        let lines = text[..<end.lowerBound].components(separatedBy: "\r\n")
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            let parts = line.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if parts.count == 2 { headers[parts[0].lowercased()] = parts[1] }
        }
        let bodyLength = Int(headers["content-length"] ?? "0") ?? 0
        guard text.utf8.count - text[..<end.upperBound].utf8.count >= bodyLength else { return nil }
        let path = lines.first?.split(separator: " ").dropFirst().first.map(String.init) ?? ""
        return Received(path: path, headers: headers)
    }
}
