import Crypto
public import Foundation
import StewardCore

/// Standard Webhooks signing: `v1,` + base64(HMAC-SHA256(key, "id.timestamp.body")), where the
/// key is the base64 text after `whsec_`. Several secrets (a rotation) give several signatures,
/// space-separated, so a receiver holding either secret accepts the message.
public enum WebhookSignature {
    public static func sign(id: String, timestamp: Int, body: Data, secrets: [String]) throws -> String {
        try secrets.map { try sign(id: id, timestamp: timestamp, body: body, secret: $0) }.joined(separator: " ")
    }

    public static func sign(id: String, timestamp: Int, body: Data, secret: String) throws -> String {
        var content = Data("\(id).\(timestamp).".utf8)
        content.append(body)
        let mac = HMAC<SHA256>.authenticationCode(for: content, using: SymmetricKey(data: try key(secret)))
        return "v1," + Data(mac).base64EncodedString()
    }

    /// The key bytes of a `whsec_…` secret. The message never repeats the secret.
    public static func key(_ secret: String) throws -> Data {
        let encoded = secret.hasPrefix("whsec_") ? String(secret.dropFirst(6)) : secret
        guard let key = Data(base64Encoded: encoded), !key.isEmpty else {
            throw StewardError(.invalidArguments, "the webhook secret is not whsec_ followed by base64",
                               fix: "generate one with: echo whsec_$(head -c 24 /dev/urandom | base64)")
        }
        return key
    }
}
