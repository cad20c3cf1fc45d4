public import Foundation
public import StewardWorkflows

/// The server-side request forgery check: an endpoint's host is resolved here, every address it
/// resolves to must be public (or allow-listed), and the request is then pinned to the checked
/// address so curl cannot resolve it again to somewhere else.
public struct WebhookAddressGuard: Sendable {
    public var allowList: [IPAddressRange]

    public init(allowList: [IPAddressRange]) {
        self.allowList = allowList
    }

    public struct Refusal: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// Networks no webhook may reach by default: loopback, private, link-local (which holds the
    /// cloud metadata service at 169.254.169.254), shared, multicast and reserved space.
    static let blocked: [IPAddressRange] = [
        "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24",
        "192.168.0.0/16", "198.18.0.0/15", "224.0.0.0/4", "240.0.0.0/4",
        "::/128", "::1/128", "::ffff:0:0/96", "64:ff9b::/96", "fc00::/7", "fe80::/10", "ff00::/8",
    ].compactMap(IPAddressRange.init)

    /// The address to connect to, after checking every address the host resolves to.
    public func check(_ url: URL) async throws -> String {
        guard let host = url.host else { throw Refusal(description: "the URL has no host") }
        let addresses = try await Self.resolve(host.trimmingCharacters(in: CharacterSet(charactersIn: "[]")))
        for address in addresses {
            if let reason = refusal(of: address) { throw Refusal(description: "\(host) resolves to \(IPAddressRange.text(of: address)), \(reason)") }
        }
        return IPAddressRange.text(of: addresses[0])
    }

    /// Why this address may not be reached, or nil when it may.
    public func refusal(of address: [UInt8]) -> String? {
        if allowList.contains(where: { $0.contains(address) }) { return nil }
        if let mapped = Self.mappedIPv4(address) { return refusal(of: mapped) }
        guard let range = Self.blocked.first(where: { $0.contains(address) }) else { return nil }
        return "a loopback, private, link-local or reserved address (\(range)); allow it with allow_private if it is meant"
    }

    /// `::ffff:a.b.c.d` is judged as `a.b.c.d`.
    static func mappedIPv4(_ address: [UInt8]) -> [UInt8]? {
        guard address.count == 16, address[0..<10].allSatisfy({ $0 == 0 }), address[10] == 0xff, address[11] == 0xff else { return nil }
        return Array(address[12...])
    }

    /// Address literals as they are; names through getaddrinfo, off the cooperative pool since
    /// it blocks.
    static func resolve(_ host: String) async throws -> [[UInt8]] {
        if let literal = IPAddressRange.bytes(of: host) { return [literal] }
        return try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Result { try lookUp(host) }) }
        }
    }

    private static func lookUp(_ host: String) throws -> [[UInt8]] {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, nil, &hints, &list)
        defer { if let list { freeaddrinfo(list) } }
        guard status == 0 else { throw HTTPFailure(kind: .dns, message: "cannot resolve \(host): \(String(cString: gai_strerror(status)))", latency: .zero) }
        var addresses: [[UInt8]] = []
        var entry = list
        while let current = entry?.pointee {
            if let bytes = addressBytes(current) { addresses.append(bytes) }
            entry = current.ai_next
        }
        guard !addresses.isEmpty else { throw HTTPFailure(kind: .dns, message: "\(host) has no addresses", latency: .zero) }
        return addresses
    }

    private static func addressBytes(_ info: addrinfo) -> [UInt8]? {
        guard let address = info.ai_addr else { return nil }
        switch info.ai_family {
        case AF_INET:
            return address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { pointer in
                var value = pointer.pointee.sin_addr
                return withUnsafeBytes(of: &value) { Array($0) }
            }
        case AF_INET6:
            return address.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { pointer in
                var value = pointer.pointee.sin6_addr
                return withUnsafeBytes(of: &value) { Array($0) }
            }
        default: return nil
        }
    }
}
