import Foundation
public import StewardWorkflows

/// The server-side request forgery check: every address curl is about to open a socket to must
/// be public (or allow-listed). Judging the address actually connected to, rather than a lookup
/// of our own, leaves no second DNS answer unchecked.
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

    /// The check a request runs on every address curl is about to connect to: why `host`'s
    /// address may not be reached, or nil.
    public func check(host: String) -> @Sendable ([UInt8]) -> String? {
        { [self] address in refusal(of: address).map { "\(host) resolves to \(IPAddressRange.text(of: address)), \($0)" } }
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
}
