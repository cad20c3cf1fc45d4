import Foundation
import StewardApp
import StewardCRM
import GRDB
import StewardCore
import StewardSQLite
import StewardTesting
import Testing

@Suite("Webhook processes", .serialized)
struct WebhookProcessTests {
    static let secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"

    /// A worker killed while its request hangs: the lease expires, another worker sends the same
    /// message (same webhook-id) again, and it is delivered.
    @Test func aKilledWorkerMidDeliveryIsRetriedWithTheSameMessageID() async throws {
        try await SQLiteTestStore.with(schema: StewardStore.schema) { test in
            let receiver = try await WebhookReceiver()
            try writeEndpoint(url: receiver.url("/seq/hang,200"), in: test.directory.url)
            _ = try await test.store.recordEvent("opportunity.created", payload: #"{"opportunity_id": 42}"#, now: Date())
            let arguments = ["run", "--database", test.path, "--lease", "3s", "--heartbeat", "1s", "--queue", "webhooks=2"]
            let environment = ["CRM_HOOK_SECRET": Self.secret]

            let first = try ChildProcess(arguments, in: test.directory.url, environment: environment)
            try await receiver.waitForRequests(1)
            first.send(SIGKILL)
            #expect(await first.waitForExit() == SIGKILL)

            let second = try ChildProcess(arguments, in: test.directory.url, environment: environment)
            let requests = try await receiver.waitForRequests(2)
            #expect(requests[0].id != nil)
            #expect(requests[0].id == requests[1].id, "the retry reuses the webhook-id")
            #expect(requests[0].body == requests[1].body)
            second.send(SIGTERM)
            #expect(await second.waitForExit() == 0, "\(second.standardError)")
            let deliveries = try await test.store.database.read { db in
                try Row.fetchAll(db, sql: "SELECT status, message_id FROM webhook_deliveries").map { [$0[0] as String, $0[1] as String] }
            }
            #expect(deliveries == [["delivered", requests[0].id ?? ""]], "one delivery, delivered: none lost, none doubled")
        }
    }

    private func writeEndpoint(url: String, in directory: URL) throws {
        let folder = directory.appendingPathComponent("Workflows/webhooks")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try """
            kind: webhook
            name: hook
            url: \(url)
            secret: ${CRM_HOOK_SECRET}
            events: [opportunity.created]
            allow_insecure: true
            allow_private: [127.0.0.1]
            timeout: 60s
            """.write(to: folder.appendingPathComponent("hook.yml"), atomically: true, encoding: .utf8)
    }
}
