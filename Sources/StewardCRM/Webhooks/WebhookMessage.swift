public import Foundation
public import StewardWorkflows

/// The request for one attempt: Standard Webhooks headers over the stored body, signed with
/// every secret valid at `now`.
public struct WebhookMessage: Sendable {
    public var messageID: String
    public var body: String
    public var userAgent: String

    public init(messageID: String, body: String, userAgent: String) {
        self.messageID = messageID
        self.body = body
        self.userAgent = userAgent
    }

    public func request(to endpoint: WebhookDefinition, now: Date) throws -> HTTPRequest {
        let timestamp = Int(now.timeIntervalSince1970)
        let data = Data(body.utf8)
        let signature = try WebhookSignature.sign(id: messageID, timestamp: timestamp, body: data, secrets: endpoint.signingSecrets(at: now))
        let headers: [(name: String, value: String)] = [
            ("Content-Type", "application/json"), ("User-Agent", userAgent), ("webhook-id", messageID),
            ("webhook-timestamp", String(timestamp)), ("webhook-signature", signature),
        ]
        return HTTPRequest(url: endpoint.url, headers: headers, body: data, connectTimeout: endpoint.connectTimeout,
                           timeout: endpoint.timeout, addressCheck: WebhookAddressGuard(allowList: endpoint.allowPrivate).check(host: endpoint.url.host ?? ""))
    }

    /// `{"type": …, "timestamp": …, "data": …}`, in that order; `data` is JSON text.
    public static func body(type: String, timestamp: Date, data: String) throws -> String {
        let typeJSON = try JSONSerialization.data(withJSONObject: type, options: [.fragmentsAllowed])
        let time = timestamp.formatted(.iso8601.year().month().day().time(includingFractionalSeconds: true).timeZone(separator: .omitted))
        return #"{"type":\#(String(decoding: typeJSON, as: UTF8.self)),"timestamp":"\#(time)","data":\#(data)}"#
    }
}
