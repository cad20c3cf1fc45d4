import Foundation
import StewardApp
import StewardCore
import StewardSQLite
import StewardTesting
import Testing

/// The per-minute rollup through the API (`/activity`) and the overview's charts.
@Suite(.stewardDatabase)
struct ActivityTests {
    /// Runs `count` jobs of `kind` in `queue` for `runTime` each, ending them with `outcome`, at
    /// the server's clock.
    static func run(_ server: LiveServer, _ count: Int, kind: String, queue: String = "default", runTime: Duration = .milliseconds(200),
                    outcome: JobOutcome = .completed) async throws {
        let now = server.clock.now()
        _ = try await server.store.jobInsertMany((0..<count).map { _ in NewJob(kind: kind, args: "{}", queue: queue, maxAttempts: 3) }, now: now)
        let claimed = try await server.store.jobClaim(JobClaimParams(queue: queue, limit: count, owner: "test", leaseDuration: .seconds(30), now: now))
        server.clock.advance(by: runTime)
        _ = try await server.store.jobFinishMany(claimed.compactMap(\.lease).map { JobFinish(lease: $0, outcome: outcome) }, now: server.clock.now())
    }

    @Test func theAPIServesTheMinutesPerKindOrSummedPerQueue() async throws {
        try await LiveServer.with { server in
            let viewer = try await server.token("look", .viewer)
            let minute = JobMinute.start(of: server.clock.now()).adding(.seconds(60))
            server.clock.advance(to: minute.adding(.seconds(1)))
            try await Self.run(server, 3, kind: "export", runTime: .milliseconds(800))
            try await Self.run(server, 2, kind: "webhook", runTime: .milliseconds(20), outcome: .retry(at: server.clock.now().adding(.seconds(3600)), error: "503"))
            server.clock.advance(by: .seconds(60))
            try await Self.run(server, 1, kind: "export", runTime: .milliseconds(800), outcome: .discard(error: "bad"))

            let perKind = try await server.get("/activity", token: viewer)
            #expect(perKind.status == 200, "\(perKind.text)")
            let rows = try #require(perKind.json["minutes"] as? [[String: Any]])
            #expect(rows.map { "\($0["kind"]!):\($0["completed"]!)/\($0["failed"]!)/\($0["retried"]!)" } == ["export:3/0/0", "webhook:0/0/2", "export:0/1/0"])
            let p50 = try #require(rows[0]["run_time_p50_ms"] as? Double)
            #expect(abs(p50 - 800) / 800 < 0.1, "p50 \(p50) ms")

            let perQueue = try await server.get("/activity?group=queue&queue=default", token: viewer)
            let summed = try #require(perQueue.json["minutes"] as? [[String: Any]])
            #expect(summed.map { "\($0["kind"]!):\($0["completed"]!)/\($0["retried"]!)" } == ["*:3/2", "*:0/0"])
            let onlyExports = try await server.get("/activity?kind=export", token: viewer)
            #expect((onlyExports.json["minutes"] as? [[String: Any]])?.count == 2)
            let hourly = try await server.get("/activity?group=queue&bucket=1h", token: viewer)
            let hours = try #require(hourly.json["minutes"] as? [[String: Any]], "\(hourly.text)")
            #expect(hours.reduce(0) { $0 + ($1["completed"] as? Int ?? 0) } == 3 && hours.reduce(0) { $0 + ($1["retried"] as? Int ?? 0) } == 2,
                    "the same attempts in hour buckets: \(hourly.text)")
            #expect(hours.allSatisfy { ($0["minute"] as? String)?.hasSuffix(":00:00Z") == true }, "each dated at its hour")
        }
    }

    @Test func badRangesAreRefusedNamingTheParameter() async throws {
        try await LiveServer.with { server in
            let viewer = try await server.token("look", .viewer)
            let refusals: [(query: String, status: Int, says: String)] = [
                ("from=yesterday", 400, "'from'"),
                ("from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z", 422, "7 days"),
                ("from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z", 422, "parameter 'from': must come before 'to'"),
                ("bucket=90s", 422, "whole number of minutes"),
                ("bucket=often", 400, "'bucket'"),
                ("group=owner", 400, "'group'"),
            ]
            for refusal in refusals {
                let answer = try await server.get("/activity?" + refusal.query, token: viewer)
                #expect(answer.status == refusal.status && answer.text.contains(refusal.says), "\(refusal.query): \(answer.text)")
            }
            #expect(try await server.get("/activity").status == 401)
        }
    }

    @Test func theOverviewDrawsEachQueuesHourAsInlineSVG() async throws {
        try await LiveServer.with { server in
            let viewer = try await server.token("look", .viewer)
            try await Self.run(server, 4, kind: "export", queue: "reports", runTime: .seconds(2))
            server.clock.advance(by: .seconds(120))
            try await Self.run(server, 2, kind: "export", queue: "reports", runTime: .seconds(2), outcome: .discard(error: "disk full"))
            _ = try await server.store.jobInsertMany([NewJob(kind: "export", args: "{}", queue: "waiting")], now: server.clock.now())
            server.clock.advance(by: .seconds(600))

            let fragment = try await server.get("/ui/overview/queues", token: viewer).text
            let reportsRow = try #require(fragment.components(separatedBy: "<tr>").first { $0.contains(#"href="/ui/queues/reports""#) },
                                          "the queue is listed though nothing of it waits: it ran in the last hour")
            #expect(reportsRow.contains(#"<svg class="chart done""#) && reportsRow.contains(#"<svg class="chart failed""#))
            #expect(reportsRow.contains("4 jobs completed per minute, last hour (busiest: 4)"))
            #expect(reportsRow.contains("2 failed and retried attempts per minute, last hour (busiest: 2)"))
            #expect(reportsRow.components(separatedBy: "<rect ").count - 1 == 2, "one bar per minute with something in it")
            #expect(reportsRow.contains("— 2 failed, 0 retried</title>"))
            #expect(reportsRow.contains(#"height="30.0""#), "the busiest minute fills the chart")
            #expect(reportsRow.contains("4 in the last hour · peak 4 per minute") && reportsRow.contains("2 in the last hour · peak 2 per minute"))
            #expect(reportsRow.contains("2.0 s / 2.0 s") || reportsRow.contains("1.9 s / 1.9 s") || reportsRow.contains("2.1 s / 2.1 s"),
                    "run-time p50 / p95 over the hour")
            #expect(fragment.contains(#"href="/ui/jobs?queue=reports&amp;kind=export""#), "the hour per kind")
            let waitingRow = try #require(fragment.components(separatedBy: "<tr>").first { $0.contains(#"href="/ui/queues/waiting""#) })
            #expect(waitingRow.contains("none in the last hour") && !waitingRow.contains("<rect "), "a queue with nothing finished: empty charts")

            server.clock.advance(by: .seconds(3600))
            let later = try await server.get("/ui/overview/queues", token: viewer).text
            #expect(!later.contains("/ui/queues/reports"), "an hour later the queue has nothing to show")
            #expect(later.contains("Nothing finished in the last hour."))
        }
    }

    @Test func aQueuesPageChartsItsDayAndWeekInWiderBars() async throws {
        try await LiveServer.with { server in
            let viewer = try await server.token("look", .viewer)
            let quarter = 15 * 60.0
            let aligned = (server.clock.now().timeIntervalSince1970 / quarter).rounded(.down) * quarter
            server.clock.advance(to: Date(timeIntervalSince1970: aligned + 60))
            try await Self.run(server, 3, kind: "export", queue: "reports", runTime: .seconds(1))
            server.clock.advance(by: .seconds(5 * 60))
            try await Self.run(server, 2, kind: "export", queue: "reports", runTime: .seconds(3))
            server.clock.advance(by: .seconds(3 * 3600))
            try await Self.run(server, 1, kind: "sync", queue: "reports", outcome: .discard(error: "gone"))

            let day = try await server.get("/ui/queues/reports?range=24h", token: viewer)
            #expect(day.status == 200, "\(day.text)")
            let completed = try #require(day.text.components(separatedBy: "<svg").first { $0.contains(#"class="chart done""#) })
            #expect(completed.components(separatedBy: "<rect ").count - 1 == 1, "two runs 5 minutes apart share one 15-minute bar")
            #expect(completed.contains("5 jobs completed per 15 minutes, last 24 hours (busiest: 5)"))
            #expect(completed.contains(#"width="576""#), "96 bars of 6 px")
            #expect(day.text.contains("<strong>last 24 hours</strong>") && day.text.contains(#"href="/ui/queues/reports?range=7d""#))
            #expect(day.text.contains(">export</a></td><td>5</td><td>0</td><td>0</td>") && day.text.contains(">sync</a></td><td>0</td><td>1</td>"))

            let hour = try await server.get("/ui/queues/reports", token: viewer).text
            #expect(hour.contains("none in the last hour") && hour.contains(">sync</a></td><td>0</td><td>1</td>") && !hour.contains(">export</a>"),
                    "the last hour holds only the latest run")
            let week = try await server.get("/ui/queues/reports?range=7d", token: viewer).text
            #expect(week.contains("5 in the last 7 days · peak 5 per 2 hours"))
            let bad = try await server.get("/ui/queues/reports?range=1y", token: viewer)
            #expect(bad.status == 400 && bad.text.contains("range"))
        }
    }
}
