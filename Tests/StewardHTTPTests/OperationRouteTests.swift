import Crypto
import Foundation
import GRDB
import StewardApp
import StewardCore
import StewardSQLite
import StewardTesting
import Testing

/// Schedules, exports and events over HTTP, on the repository's own workflow files.
@Suite(.stewardDatabase)
struct OperationRouteTests {
    @Test func schedulesShowTheirTicksAndRunNowAudited() async throws {
        try await LiveServer.with(workflows: try RepositoryWorkflows.load()) { server in
            let viewer = try await server.token("look", .viewer)
            let listed = try await server.get("/schedules", token: viewer)
            let probe = try #require(listed.array.first { $0["name"] as? String == "nightly-probe" })
            #expect(probe["cron"] as? String == "15 2 * * *")
            #expect(probe["time_zone"] as? String == "UTC")
            #expect(probe["next"] as? String != nil)
            #expect(listed.array.contains { $0["name"] as? String == "export:weekly-pipeline" })
            #expect(try await server.send("POST", "/schedules/nightly-probe/run", token: viewer).status == 403)
            let ops = try await server.token("ops", .operator)
            let run = try await server.send("POST", "/schedules/nightly-probe/run", token: ops)
            #expect(run.status == 202, "\(run.text)")
            #expect(run.json["kind"] as? String == "probe")
            #expect(run.header("Location") == "/jobs/\(run.json["id"] as? Int ?? 0)")
            #expect(try await server.send("POST", "/schedules/nope/run", token: ops).status == 404)
            let audit = try await server.store.database.read { db in try String.fetchAll(db, sql: "SELECT action FROM audit_log WHERE entity = 'schedule'") }
            #expect(audit == ["schedule.run_now"])
        }
    }

    @Test func anExportRunsNowAndItsFileDownloadsWithItsSHA256() async throws {
        try await LiveServer.with(workflows: try RepositoryWorkflows.load()) { server in
            let ops = try await server.token("ops", .operator)
            let exports = try await server.get("/exports", token: ops)
            let weekly = try #require(exports.array.first { $0["name"] as? String == "weekly-pipeline" })
            #expect(weekly["cron"] as? String == "0 7 * * MON")
            #expect(weekly["time_zone"] as? String == "Europe/Berlin")
            let run = try await server.send("POST", "/exports/weekly-pipeline/run", token: ops)
            #expect(run.status == 202, "\(run.text)")
            #expect(try await server.send("POST", "/exports/nope/run", token: ops).status == 404)
            try await ImportFixtures.drain(server, queues: ["exports"])
            let history = try await server.get("/exports/runs?export=weekly-pipeline", token: ops)
            let latest = try #require((history.json["items"] as? [[String: Any]])?.first)
            #expect(latest["status"] as? String == "completed", "\(history.text)")
            let id = try #require(latest["id"] as? Int)
            let file = try await server.get("/exports/runs/\(id)/file", token: ops)
            #expect(file.status == 200)
            #expect(file.text.hasPrefix("opportunity_id,"), "\(file.text)")
            let digest = SHA256.hash(data: file.body)
            #expect(file.header("Repr-Digest") == "sha-256=:\(Data(digest).base64EncodedString()):")
            #expect(latest["sha256"] as? String == digest.map { String(format: "%02x", $0) }.joined())
            #expect(try await server.get("/exports/runs/999/file", token: ops).status == 404)
            for name in try FileManager.default.contentsOfDirectory(atPath: server.exportsDirectory.path) {
                try FileManager.default.removeItem(at: server.exportsDirectory.appendingPathComponent(name))
            }
            let gone = try await server.get("/exports/runs/\(id)/file", token: ops)
            #expect(gone.status == 404)
            #expect(gone.json["code"] as? String == "export_file_not_found")
        }
    }

    @Test func anAdminEmitsAnEventThatIsListed() async throws {
        try await LiveServer.with { server in
            let admin = try await server.token("root", .admin)
            #expect(try await server.send("POST", "/events", token: try await server.token("ops", .operator), json: #"{"name": "opportunity.created"}"#).status == 403)
            let emitted = try await server.send("POST", "/events", token: admin, json: #"{"name": "opportunity.created", "payload": {"opportunity_id": 7}}"#)
            #expect(emitted.status == 201, "\(emitted.text)")
            let unknown = try await server.send("POST", "/events", token: admin, json: #"{"name": "opportunity.exploded"}"#)
            #expect(unknown.status == 422)
            #expect((unknown.json["detail"] as? String)?.contains("unknown event 'opportunity.exploded'") == true)
            let notObject = try await server.send("POST", "/events", token: admin, json: #"{"name": "opportunity.created", "payload": [1]}"#)
            #expect(notObject.status == 422)
            let listed = try await server.get("/events", token: admin)
            let first = try #require((listed.json["items"] as? [[String: Any]])?.first)
            #expect(first["name"] as? String == "opportunity.created")
            #expect((first["payload"] as? [String: Any])?["opportunity_id"] as? Int == 7)
            let audit = try await server.store.database.read { db in try String.fetchAll(db, sql: "SELECT action FROM audit_log WHERE entity = 'event'") }
            #expect(audit == ["event.emitted"])
        }
    }
}
