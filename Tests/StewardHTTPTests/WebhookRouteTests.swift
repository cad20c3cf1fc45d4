import Foundation
import GRDB
import StewardApp
import StewardCore
import StewardSQLite
import StewardTesting
import StewardWorkflows
import Testing

/// Webhook endpoints and deliveries over HTTP, sending to a real receiver on 127.0.0.1.
@Suite(.stewardDatabase, .serialized)
struct WebhookRouteTests {
    static func workflows(_ receiver: WebhookReceiver) throws -> WorkflowSet {
        let endpoint = { (name: String, path: String) in """
            kind: webhook
            name: \(name)
            url: \(receiver.url(path))
            secret: ${S}
            events: [opportunity.created]
            allow_insecure: true
            allow_private: [127.0.0.1]
            """ }
        return try WorkflowLoader(environment: ["S": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"])
            .load(files: [("crm.yml", endpoint("crm", "/ok")), ("broken.yml", endpoint("broken", "/status/500"))])
    }

    /// Delivery jobs running under a live lease are the endpoint's requests in flight, counted
    /// from the store so every worker process's are seen.
    @Test func requestsInFlightAreCountedPerEndpointWhileTheirLeasesHold() async throws {
        let receiver = try await WebhookReceiver()
        defer { receiver.stop() }
        try await LiveServer.with(workflows: try Self.workflows(receiver)) { server in
            let ops = try await server.token("ops", .operator)
            let jobs = ["crm", "crm", "broken"].map { NewJob(kind: "webhook_delivery", args: #"{"endpoint": "\#($0)", "delivery": 1}"#, queue: "webhooks") }
            _ = try await server.store.jobInsertMany(jobs + [NewJob(kind: "webhook_delivery", args: #"{"endpoint": "crm", "delivery": 2}"#, queue: "later",
                                                                    runAt: server.clock.now().adding(.seconds(3600)))], now: server.clock.now())
            _ = try await server.store.jobClaim(JobClaimParams(queue: "webhooks", limit: 10, owner: "elsewhere", leaseDuration: .seconds(30), now: server.clock.now()))
            func inFlight() async throws -> [String: Int] {
                let endpoints = try await server.get("/webhooks/endpoints", token: ops).array
                return Dictionary(uniqueKeysWithValues: endpoints.map { ($0["name"] as? String ?? "", $0["in_flight"] as? Int ?? -1) })
            }
            #expect(try await inFlight() == ["crm": 2, "broken": 1], "running jobs only, not the scheduled one")
            let page = try await server.get("/ui/webhooks", token: ops).text
            #expect(page.contains("<td>2 / 4</td>") && page.contains("<td>1 / 4</td>"), "in flight / the default limit of 4")
            server.clock.advance(by: .seconds(31))
            #expect(try await inFlight() == ["crm": 0, "broken": 0], "a lease that expired holds no slot")
        }
    }

    @Test func endpointsAreTestedWatchedRedeliveredAndSwitched() async throws {
        let receiver = try await WebhookReceiver()
        defer { receiver.stop() }
        try await LiveServer.with(workflows: try Self.workflows(receiver)) { server in
            let ops = try await server.token("ops", .operator)
            let ok = try await server.send("POST", "/webhooks/endpoints/crm/test", token: ops)
            #expect(ok.status == 200, "\(ok.text)")
            #expect(ok.json["accepted"] as? Bool == true)
            let broken = try await server.send("POST", "/webhooks/endpoints/broken/test", token: ops)
            #expect(broken.json["accepted"] as? Bool == false)
            #expect(try await server.send("POST", "/webhooks/endpoints/nope/test", token: ops).status == 404)

            let endpoints = try await server.get("/webhooks/endpoints", token: ops)
            let byName = Dictionary(uniqueKeysWithValues: endpoints.array.map { ($0["name"] as? String ?? "", $0) })
            #expect(byName["crm"]?["success_rate_last24h"] as? Double == 1)
            #expect(byName["broken"]?["success_rate_last24h"] as? Double == 0)
            #expect(byName["crm"]?["url"] as? String == receiver.url("/ok"))

            let failed = try await server.get("/webhooks/deliveries?endpoint=broken&status=failed", token: ops)
            let id = try #require((failed.json["items"] as? [[String: Any]])?.first?["id"] as? Int)
            let detail = try await server.get("/webhooks/deliveries/\(id)", token: ops)
            let attempt = try #require((detail.json["attempt_list"] as? [[String: Any]])?.first)
            #expect(attempt["status_code"] as? Int == 500)
            #expect(attempt["next_attempt_at"] == nil, "a ping is sent once: no next attempt is shown")
            #expect((attempt["response_excerpt"] as? String)?.contains("scripted") == true)
            let redelivered = try await server.send("POST", "/webhooks/deliveries/\(id)/redeliver", token: ops)
            #expect(redelivered.status == 202, "\(redelivered.text)")
            #expect(redelivered.json["redelivered"] as? [Int] == [id])
            let again = try await server.send("POST", "/webhooks/deliveries/\(id)/redeliver", token: ops)
            #expect(again.status == 409)
            let since = try await server.send("POST", "/webhooks/redeliver", token: ops, json: #"{"failed_since": "2000-01-01T00:00:00Z"}"#)
            #expect(since.json["redelivered"] as? [Int] == [], "pending deliveries are skipped: \(since.text)")

            #expect(try await server.send("POST", "/webhooks/endpoints/crm/disable", token: ops).status == 403)
            let admin = try await server.token("root", .admin)
            let disabled = try await server.send("POST", "/webhooks/endpoints/crm/disable", token: admin, json: #"{"reason": "maintenance"}"#)
            #expect(disabled.json["state"] as? String == "disabled", "\(disabled.text)")
            #expect(disabled.json["disabled_reason"] as? String == "maintenance")
            let enabled = try await server.send("POST", "/webhooks/endpoints/crm/enable", token: admin)
            #expect(enabled.json["state"] as? String == "enabled")
            // The per-endpoint counts are kept by triggers: they match a count of the rows.
            let (kept, counted) = try await server.store.database.read { db in
                (try String.fetchAll(db, sql: "SELECT endpoint || ' ' || status || ' ' || n FROM webhook_delivery_counts WHERE n > 0 ORDER BY 1"),
                 try String.fetchAll(db, sql: "SELECT endpoint || ' ' || status || ' ' || count(*) FROM webhook_deliveries GROUP BY endpoint, status ORDER BY 1"))
            }
            #expect(kept == counted)
            #expect(!kept.isEmpty)
            let audit = try await server.store.database.read { db in
                try String.fetchAll(db, sql: "SELECT action FROM audit_log WHERE entity LIKE 'webhook%' AND request_id IS NOT NULL ORDER BY audit_id")
            }
            #expect(audit == ["webhook.tested", "webhook.tested", "webhook.redelivered", "webhook.endpoint_disabled", "webhook.endpoint_enabled"])
        }
    }
}
