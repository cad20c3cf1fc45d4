import Foundation
import StewardApp
import StewardCRM
import GRDB
import StewardCore
import StewardSQLite
import StewardTesting
import Testing

@Suite("Webhook commands", .serialized)
struct WebhookCommandTests {
    let secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"

    func writeEndpoints(_ receiver: WebhookReceiver, in directory: TemporaryDirectory) throws -> String {
        let folder = directory.url.appendingPathComponent("wf")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let common = "secret: ${HOOK_SECRET}\nevents: [opportunity.created]\nallow_insecure: true\nallow_private: [127.0.0.1]\n"
        try "kind: webhook\nname: good\nurl: \(receiver.url("/ok").replacingOccurrences(of: "//", with: "//hook:hunter2@"))?token=abc\n\(common)---\nkind: webhook\nname: broken\nurl: \(receiver.url("/status/500"))\n\(common)"
            .write(to: folder.appendingPathComponent("hooks.yml"), atomically: true, encoding: .utf8)
        return folder.path
    }

    @Test func testSendsASignedPingAndTheDeliveryCanBeInspected() async throws {
        try await SQLiteTestStore.with(schema: StewardStore.schema) { test in
            let receiver = try await WebhookReceiver()
            let workflows = try writeEndpoints(receiver, in: test.directory)
            let environment = ["HOOK_SECRET": secret]
            let ok = await steward("webhooks", "test", "good", "--workflows", workflows, "--database", test.path, environment: environment)
            #expect(ok.code == 0, "\(ok.error)")
            #expect(ok.output.contains("HTTP 200"))
            let ping = try #require(try await receiver.waitForRequests(1).first)
            #expect(ping.body.contains(#""type":"ping""#))
            #expect(ping.userAgent?.hasPrefix("Steward/") == true)

            let failed = await steward("webhooks", "test", "broken", "--workflows", workflows, "--database", test.path, environment: environment)
            #expect(failed.code != 0)
            #expect(failed.error.contains("did not accept the ping: HTTP 500"))

            let list = await steward("webhooks", "deliveries", "--status", "failed", "--database", test.path)
            #expect(list.output.contains("broken"))
            #expect(!list.output.contains("good"))
            let show = await steward("webhooks", "show", "2", "--json", "--database", test.path)
            let detail = try jsonObject(show.output)
            let attempts = try #require(detail["attempts"] as? [[String: Any]])
            #expect(attempts.first?["status_code"] as? Int == 500)
            #expect(attempts.first?["response_body"] as? String == #"{"error":"scripted"}"#)

            let endpoints = await steward("webhooks", "endpoints", "--workflows", workflows, "--database", test.path, environment: environment)
            #expect(endpoints.output.contains("enabled"))
            #expect(!endpoints.output.contains("token=abc"), "query strings may hold tokens and are not shown")
            #expect(!endpoints.output.contains("hunter2") && !endpoints.output.contains("hook:"), "nor are credentials")
            #expect(endpoints.output.contains("127.0.0.1"))
        }
    }

    /// An endpoint switched off in its file loads without its secret, is listed as such, and is
    /// neither enabled nor sent to until the file switches it on.
    @Test func anEndpointSwitchedOffInItsFileIsNeverSentTo() async throws {
        try await SQLiteTestStore.with(schema: StewardStore.schema) { test in
            let receiver = try await WebhookReceiver()
            let folder = test.directory.url.appendingPathComponent("wf")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try "kind: webhook\nname: off\nenabled: false\nurl: \(receiver.url("/ok"))\nsecret: ${UNSET_SECRET}\nevents: [opportunity.created]\nallow_insecure: true\nallow_private: [127.0.0.1]\n"
                .write(to: folder.appendingPathComponent("hooks.yml"), atomically: true, encoding: .utf8)
            let validate = await steward("validate", folder.path)
            #expect(validate.code == 0, "\(validate.error)")
            #expect(validate.output.contains("webhook off is switched off in its file (enabled: false)"))
            for command in ["enable", "test"] {
                let refused = await steward("webhooks", command, "off", "--workflows", folder.path, "--database", test.path)
                #expect(refused.code == 78)
                #expect(refused.error == "steward: error: webhook endpoint 'off' is switched off in its file in \(folder.path) (enabled: false)"
                        + " (set enabled: true there and export the variable its secret names, then try again)\n")
            }
            let endpoints = await steward("webhooks", "endpoints", "--workflows", folder.path, "--database", test.path)
            #expect(endpoints.output.contains("off in file"), "\(endpoints.output)\(endpoints.error)")
            #expect(receiver.requests.isEmpty)
        }
    }

    @Test func anUnknownEndpointIsNamedWithTheDefinedOnes() async throws {
        try await SQLiteTestStore.with(schema: StewardStore.schema) { test in
            let receiver = try await WebhookReceiver()
            let workflows = try writeEndpoints(receiver, in: test.directory)
            let result = await steward("webhooks", "test", "nope", "--workflows", workflows, "--database", test.path, environment: ["HOOK_SECRET": secret])
            #expect(result.code == 66)
            #expect(result.error == "steward: error: no webhook endpoint named 'nope' in \(workflows) (defined: broken, good)\n")
        }
    }

    @Test func disableEnableAndRedeliver() async throws {
        try await SQLiteTestStore.with(schema: StewardStore.schema) { test in
            let receiver = try await WebhookReceiver()
            let workflows = try writeEndpoints(receiver, in: test.directory)
            let environment = ["HOOK_SECRET": secret]
            _ = await steward("webhooks", "test", "broken", "--workflows", workflows, "--database", test.path, environment: environment)
            let disable = await steward("webhooks", "disable", "broken", "--workflows", workflows, "--database", test.path, environment: environment)
            #expect(disable.code == 0, "\(disable.error)")
            let endpoints = await steward("webhooks", "endpoints", "--json", "--workflows", workflows, "--database", test.path, environment: environment)
            #expect(try jsonArray(endpoints.output).first { $0["name"] as? String == "broken" }?["state"] as? String == "disabled")
            let events = try await test.store.database.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM events WHERE name = 'endpoint.disabled'") }
            #expect(events == 1)
            #expect(await steward("webhooks", "enable", "broken", "--workflows", workflows, "--database", test.path, environment: environment).code == 0)

            let redeliver = await steward("webhooks", "redeliver", "--failed-since", "2000-01-01T00:00:00Z", "--database", test.path)
            #expect(redeliver.output.contains("queued for redelivery: 1"), "\(redeliver.output)\(redeliver.error)")
            let jobs = try await test.store.database.read { db in try String.fetchAll(db, sql: "SELECT args FROM jobs WHERE kind = 'webhook_delivery'") }
            #expect(jobs.count == 1)
            #expect(jobs.first?.contains(#""delivery":1"#) == true)

            let missing = await steward("webhooks", "show", "99", "--database", test.path)
            #expect(missing.code == 66)
            let noDatabase = test.directory.url.appendingPathComponent("typo.sqlite").path
            for verb in ["enable", "disable", "test"] {
                let typo = await steward("webhooks", verb, "good", "--workflows", workflows, "--database", noDatabase, environment: environment)
                #expect(typo.code != 0, "\(verb) needs an existing database")
            }
            #expect(await steward("webhooks", "endpoints", "--workflows", workflows, "--database", noDatabase, environment: environment).code != 0)
            #expect(!FileManager.default.fileExists(atPath: noDatabase), "a typo never creates a database")
            let unknown = await steward("webhooks", "enable", "nope", "--workflows", workflows, "--database", test.path, environment: environment)
            #expect(unknown.code != 0)
            #expect(unknown.error.contains("defined: broken, good"))
        }
    }
}
