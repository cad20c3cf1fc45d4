import Foundation
import StewardCore
import StewardCRM
import StewardTesting
import StewardWorkflows
import Testing

@Suite("Webhook signatures")
struct WebhookSignatureTests {
    /// The vector the Standard Webhooks libraries test against.
    @Test func reproducesTheSpecLibrariesVector() throws {
        let signature = try WebhookSignature.sign(id: "msg_p5jXN8AQM9LWM0D4loKWxJek", timestamp: 1614265330,
                                                  body: Data(#"{"test": 2432232314}"#.utf8), secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
        #expect(signature == "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")
    }

    @Test func aRotationSignsWithBothSecretsUntilTheOverlapEnds() throws {
        let endpoint = try webhookEndpoint("""
            name: rotating
            url: https://hooks.example.com/a
            secret: ${S}
            previous_secret: ${OLD}
            rotated_at: 2026-01-05T09:00:00Z
            rotation_overlap: 2h
            events: [opportunity.created]
            """, environment: ["S": testSecret, "OLD": "whsec_dGVzdA=="])
        let rotated = try Date("2026-01-05T09:00:00Z", strategy: .iso8601)
        #expect(endpoint.signingSecrets(at: rotated.addingTimeInterval(3600)) == [testSecret, "whsec_dGVzdA=="])
        #expect(endpoint.signingSecrets(at: rotated.addingTimeInterval(7200)) == [testSecret])
        let both = try WebhookSignature.sign(id: "msg_1", timestamp: 1, body: Data("{}".utf8), secrets: endpoint.signingSecrets(at: rotated))
        let parts = both.split(separator: " ")
        #expect(parts.count == 2)
        #expect(String(parts[1]) == (try WebhookSignature.sign(id: "msg_1", timestamp: 1, body: Data("{}".utf8), secret: "whsec_dGVzdA==")))
    }

    @Test func aSecretThatIsNotBase64IsRefused() {
        #expect(throws: StewardError.self) { try WebhookSignature.key("whsec_not base64!") }
    }

    /// The official Python library (in .venv-test, see scripts/test-venv) checks real requests,
    /// both plain and during a rotation where it only knows the old secret.
    @Test(.crmDatabase) func theStandardWebhooksLibraryVerifiesDeliveredRequests() async throws {
        let python = try WebhookReceiver.verifyingPython()
        let store = try SQLiteDatabaseTrait.store().store
        let oldSecret = "whsec_dGVzdHRlc3R0ZXN0dGVzdA=="
        let receiver = try await WebhookReceiver(secret: oldSecret, python: python)
        let rotating = try webhookEndpoint("""
            name: rotating
            url: \(receiver.url("/ok"))
            secret: ${S}
            previous_secret: ${OLD}
            rotated_at: \(Date().formatted(.iso8601))
            events: [opportunity.created]
            allow_insecure: true
            allow_private: [127.0.0.1]
            """, environment: ["S": testSecret, "OLD": oldSecret])
        let deliverer = makeDeliverer(store, endpoints: [rotating], clock: SystemClock())
        let job = try await deliveryJob(store, endpoint: "rotating", payload: #"{"name": "Ümlaut & \"quotes\"", "amount": 12.5}"#, now: Date())
        #expect(try await deliverer.run(context(job)) == .completed)
        let request = try #require(try await receiver.waitForRequests(1).first)
        #expect(request.verified == true, "standardwebhooks: \(request.verificationError ?? "")")
        #expect(request.userAgent == "Steward/test")
        let body = try JSONSerialization.jsonObject(with: Data(request.body.utf8)) as? [String: Any]
        #expect(body?["type"] as? String == "opportunity.created")
        #expect((body?["data"] as? [String: Any])?["amount"] as? Double == 12.5)
        #expect(body?["timestamp"] is String)
    }
}
