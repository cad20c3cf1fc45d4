import Foundation
import GRDB
import StewardCore
import StewardCRM
import StewardSQLite
import StewardTesting
import StewardWorkflows
import Testing

@Suite("Webhook safety", .crmDatabase)
struct WebhookSafetyTests {
    let clock = ManualClock()

    @Test(arguments: ["127.0.0.1", "10.1.2.3", "172.20.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0",
                      "::1", "fe80::1", "fd00:ec2::254", "::ffff:127.0.0.1", "224.0.0.1"])
    func privateAndMetadataAddressesAreRefused(_ address: String) throws {
        let bytes = try #require(IPAddressRange.bytes(of: address))
        #expect(WebhookAddressGuard(allowList: []).refusal(of: bytes) != nil)
    }

    @Test(arguments: ["8.8.8.8", "93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946"])
    func publicAddressesPass(_ address: String) throws {
        #expect(WebhookAddressGuard(allowList: []).refusal(of: try #require(IPAddressRange.bytes(of: address))) == nil)
    }

    @Test func anAllowListOpensOnlyItsOwnRange() throws {
        let guardian = WebhookAddressGuard(allowList: [try #require(IPAddressRange("10.0.0.0/8"))])
        #expect(guardian.refusal(of: try #require(IPAddressRange.bytes(of: "10.9.8.7"))) == nil)
        #expect(guardian.refusal(of: try #require(IPAddressRange.bytes(of: "192.168.0.1"))) != nil)
    }

    /// `localhost` is a name: the check happens after DNS, on what it resolves to.
    @Test(arguments: ["http://127.0.0.1:9/x", "http://localhost:9/x", "http://169.254.169.254/latest/meta-data"])
    func aDeliveryToARefusedAddressIsNeverSent(_ url: String) async throws {
        let store = try SQLiteDatabaseTrait.store().store
        let endpoint = try webhookEndpoint("name: inside\nurl: \(url)\nsecret: ${S}\nevents: [opportunity.created]\nallow_insecure: true")
        let deliverer = makeDeliverer(store, endpoints: [endpoint], clock: clock)
        await #expect(throws: JobPermanentError.self) { try await deliverer.run(context(deliveryJob(store, endpoint: "inside", now: clock.now()))) }
        let attempt = try #require(try await storedAttempts(store).first)
        #expect(attempt["error_class"] as String? == "refused")
        #expect(attempt["status_code"] as Int? == nil)
    }

    @Test func anOversizedPayloadIsNotSent() async throws {
        let store = try SQLiteDatabaseTrait.store().store
        let receiver = try await WebhookReceiver()
        let endpoint = try loopbackEndpoint("small", url: receiver.url("/ok"), extra: "max_payload_bytes: 64")
        let deliverer = makeDeliverer(store, endpoints: [endpoint], clock: clock)
        let payload = #"{"notes": "\#(String(repeating: "x", count: 100))"}"#
        await #expect(throws: JobPermanentError.self) {
            try await deliverer.run(context(deliveryJob(store, endpoint: "small", payload: payload, now: clock.now())))
        }
        #expect(try await storedAttempts(store).isEmpty)
        let delivery = try #require(try await storedDeliveries(store).first)
        #expect(delivery["status"] as String == "failed")
        #expect(delivery["body"] as String == "", "an oversized body is not stored")
        #expect((delivery["last_result"] as String?)?.contains("over max_payload_bytes 64") == true)
        #expect(receiver.requests.isEmpty)
        let id = try #require(delivery["id"] as Int64?)
        await #expect(throws: StewardError.self) { try await store.webhookRedeliver(ids: [id], now: clock.now()) }
    }

    @Test func plainHTTPNeedsAllowInsecure() throws {
        #expect(throws: WorkflowValidationError.self) {
            try webhookEndpoint("name: plain\nurl: http://hooks.example.com/x\nsecret: ${S}\nevents: [opportunity.created]")
        }
    }

    @Test func secretsWrittenIntoTheFileAreRefused() throws {
        #expect(throws: WorkflowValidationError.self) {
            try webhookEndpoint("name: inline\nurl: https://hooks.example.com/x\nsecret: whsec_abc\nevents: [opportunity.created]")
        }
    }

    @Test func aBadAllowListEntryIsReportedWithItsLine() throws {
        do {
            _ = try webhookEndpoint("name: bad\nurl: https://hooks.example.com/x\nsecret: ${S}\nevents: [opportunity.created]\nallow_private: [10.0.0.0/33]")
            Issue.record("expected a validation error")
        } catch let error as WorkflowValidationError {
            #expect(error.issues.map(\.description).contains { $0.contains("w.yml:6") && $0.contains("allow_private[0]") && $0.contains("CIDR") })
        }
    }

    @Test func unreachableHostsAreClassified() async throws {
        let store = try SQLiteDatabaseTrait.store().store
        let dns = try loopbackEndpoint("dns", url: "http://no-such-host.invalid/x")
        let closed = try loopbackEndpoint("closed", url: "http://127.0.0.1:1/x")
        let deliverer = makeDeliverer(store, endpoints: [dns, closed], clock: clock)
        #expect(try await deliverer.run(context(deliveryJob(store, endpoint: "dns", now: clock.now()))).retryDelay == .seconds(5))
        #expect(try await deliverer.run(context(deliveryJob(store, endpoint: "closed", now: clock.now()))).retryDelay == .seconds(5))
        #expect(try await storedAttempts(store).map { $0["error_class"] as String? } == ["dns", "connect"])
    }
}

extension WebhookSafetyTests {
    @Test func aSecretThatIsNotBase64StopsLoadingWithoutBeingRepeated() throws {
        do {
            _ = try webhookEndpoint("name: bad\nurl: https://hooks.example.com/x\nsecret: ${S}\nevents: [opportunity.created]",
                                    environment: ["S": "whsec_not base64!"])
            Issue.record("expected a validation error")
        } catch let error as WorkflowValidationError {
            let text = error.issues.map(\.description).joined()
            #expect(text.contains("w.yml:4:9: secret: the secret in ${S} is not whsec_ followed by base64"))
            #expect(!text.contains("not base64!"), "the secret itself is never printed")
        }
    }
}

extension WebhookSafetyTests {
    /// A name is resolved by curl and judged by the address it connects to: an allow-listed one
    /// is reached (where `localhost` also resolves to ::1, that address alone is refused).
    @Test func eachAddressCurlConnectsToIsCheckedOnItsOwn() async throws {
        let store = try SQLiteDatabaseTrait.store().store
        let receiver = try await WebhookReceiver()
        let endpoint = try loopbackEndpoint("named", url: receiver.url("/ok").replacingOccurrences(of: "127.0.0.1", with: "localhost"))
        let deliverer = makeDeliverer(store, endpoints: [endpoint], clock: clock)
        #expect(try await deliverer.run(context(deliveryJob(store, endpoint: "named", now: clock.now()))) == .completed)
        #expect(try await receiver.waitForRequests(1).count == 1)
    }
}
