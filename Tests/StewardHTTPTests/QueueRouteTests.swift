import Foundation
import GRDB
import StewardApp
import StewardCore
import StewardSQLite
import StewardTesting
import Testing

@Suite(.stewardDatabase)
struct QueueRouteTests {
    @Test func queuesShowDepthLagAndTheirPause() async throws {
        try await LiveServer.with { server in
            let viewer = try await server.token("look", .viewer)
            _ = try await server.store.jobInsertMany([NewJob(kind: "sleep", args: "{}"), NewJob(kind: "sleep", args: "{}", queue: "imports")], now: server.clock.now())
            server.clock.advance(by: .seconds(42))
            let queues = try await server.get("/queues", token: viewer)
            #expect(queues.status == 200)
            let byName = Dictionary(uniqueKeysWithValues: queues.array.map { ($0["queue"] as? String ?? "", $0) })
            #expect(Set(byName.keys) == ["default", "imports"])
            #expect((byName["default"]?["counts"] as? [String: Int])?["available"] == 1)
            #expect(byName["default"]?["lag_seconds"] as? Double == 42)
        }
    }

    @Test func workerProcessesAreListedAndGoSilentWithoutABeat() async throws {
        try await LiveServer.with { server in
            let viewer = try await server.token("look", .viewer)
            let now = server.clock.now()
            try await server.store.processBeat(WorkerProcess(owner: "web-1:4242:ab", host: "web-1", pid: 4242, queues: ["default": 10, "imports": 2],
                                                             startedAt: now, seenAt: now))
            let listed = try await server.get("/processes", token: viewer)
            #expect(listed.status == 200)
            #expect(listed.array.first?["host"] as? String == "web-1" && listed.array.first?["silent"] as? Bool == false, "\(listed.text)")
            #expect(listed.array.first?["queues"] as? [String: Int] == ["default": 10, "imports": 2])
            server.clock.advance(by: .seconds(61))
            #expect(try await server.get("/processes", token: viewer).array.first?["silent"] as? Bool == true, "a minute without a beat")
            let page = try await server.get("/ui/queues", token: viewer).text
            #expect(page.contains("<td>web-1</td><td>4242</td><td>default=10 imports=2</td>") && page.contains("silent</span>"), "\(page)")
            let overview = try await server.get("/ui", token: viewer).text
            #expect(overview.contains("<strong>web-1</strong> pid 4242 · 0 running") && overview.contains("silent since"), "\(overview)")
            server.clock.advance(by: .seconds(3600))
            #expect(try await server.get("/processes", token: viewer).array.isEmpty, "not seen for an hour: no longer listed")
        }
    }

    @Test func anAdminPausesAndResumesAQueueAudited() async throws {
        try await LiveServer.with { server in
            let admin = try await server.token("root", .admin)
            let resumeAt = ISO8601DateFormatter().string(from: server.clock.now().addingTimeInterval(3600))
            let paused = try await server.send("POST", "/queues/imports/pause", token: admin, json: #"{"reason": "migration", "resume_at": "\#(resumeAt)"}"#)
            #expect(paused.status == 200, "\(paused.text)")
            #expect(paused.json["reason"] as? String == "migration")
            #expect(try await server.store.queuePauses(now: server.clock.now()).map(\.queue) == ["imports"])
            let listed = try await server.get("/queues", token: admin)
            #expect((listed.array.first?["paused"] as? [String: Any])?["reason"] as? String == "migration")
            let past = try await server.send("POST", "/queues/imports/pause", token: admin, json: #"{"resume_at": "2001-01-01T00:00:00Z"}"#)
            #expect(past.status == 422)
            #expect(try await server.send("POST", "/queues/%20/pause", token: admin).status == 422, "a blank queue name")
            let resumed = try await server.send("POST", "/queues/imports/resume", token: admin)
            #expect(resumed.json["resumed"] as? Bool == true)
            let again = try await server.send("POST", "/queues/imports/resume", token: admin)
            #expect(again.json["resumed"] as? Bool == false)
            let actions = try await server.store.database.read { db in
                try String.fetchAll(db, sql: "SELECT action FROM audit_log WHERE entity = 'queue' AND request_id IS NOT NULL ORDER BY audit_id")
            }
            #expect(actions == ["queue.paused", "queue.resumed"])
        }
    }

    @Test func readyAnswers503NamingALaggingQueue() async throws {
        try await LiveServer.with { server in
            _ = try await server.store.jobInsertMany([NewJob(kind: "sleep", args: "{}")], now: server.clock.now())
            server.clock.advance(by: .seconds(301))
            let ready = try await server.get("/ready")
            #expect(ready.status == 503)
            let queues = (ready.json["checks"] as? [[String: Any]])?.first { $0["name"] as? String == "queues" }
            #expect(queues?["ok"] as? Bool == false)
            #expect((queues?["detail"] as? String)?.contains("default (301s)") == true)
        }
    }

    @Test func metricsNeedATokenAndAnswerPrometheusText() async throws {
        try await LiveServer.with { server in
            #expect(try await server.get("/metrics").status == 401)
            let metrics = try await server.get("/metrics", token: try await server.token("look", .viewer))
            #expect(metrics.header("Content-Type")?.hasPrefix("text/plain; version=0.0.4") == true)
            #expect(metrics.text.contains("steward_test_metric 1"))
        }
    }
}
