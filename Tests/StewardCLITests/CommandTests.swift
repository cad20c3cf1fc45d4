import Foundation
import StewardCore
import StewardTesting
import Testing

@Suite("CLI commands")
struct CommandTests {
    @Test func enqueueListShowCancelRetryRoundTrip() async throws {
        try await TemporaryDirectory.with { directory in
            let db = directory.path("jobs.sqlite")
            let enqueued = await steward("enqueue", "sleep", "--args", #"{"seconds": 5}"#, "--queue", "mail", "--priority", "2", "--database", db, "--json")
            #expect(enqueued.code == 0, "\(enqueued.error)")
            let job = try jsonObject(enqueued.output)
            let id = try #require(job["id"] as? Int)
            #expect(job["inserted"] as? Bool == true)
            #expect((job["args"] as? [String: Any])?["seconds"] as? Int == 5)

            let listed = try jsonArray(await steward("jobs", "list", "--queue", "mail", "--state", "available", "--database", db, "--json").output)
            #expect(listed.map { $0["id"] as? Int } == [id])

            #expect(await steward("jobs", "cancel", "\(id)", "--database", db).output.contains("cancelled"))
            let retried = await steward("jobs", "retry", "\(id)", "--database", db)
            #expect(retried.code == 0 && retried.output.contains("available"))
            let shown = try jsonObject(await steward("jobs", "show", "\(id)", "--database", db, "--json").output)
            #expect(shown["state"] as? String == "available" && shown["priority"] as? Int == 2)
        }
    }

    @Test func databaseComesFromTheEnvironmentWhenNoFlagIsGiven() async throws {
        try await TemporaryDirectory.with { directory in
            let db = directory.path("env.sqlite")
            let result = await steward("enqueue", "noop", environment: ["STEWARD_DATABASE": db])
            #expect(result.code == 0)
            #expect(FileManager.default.fileExists(atPath: db))
        }
    }

    @Test func uniqueKeyReturnsTheExistingJob() async throws {
        try await TemporaryDirectory.with { directory in
            let db = directory.path("jobs.sqlite")
            let first = try jsonObject(await steward("enqueue", "noop", "--unique-key", "digest:2026-01-05", "--database", db, "--json").output)
            let second = try jsonObject(await steward("enqueue", "noop", "--unique-key", "digest:2026-01-05", "--database", db, "--json").output)
            #expect(second["inserted"] as? Bool == false)
            #expect(second["id"] as? Int == first["id"] as? Int)
        }
    }

    @Test func runDrainWorksEverythingRunnableAndReports() async throws {
        try await TemporaryDirectory.with { directory in
            let db = directory.path("jobs.sqlite")
            for _ in 0..<3 { _ = await steward("enqueue", "noop", "--database", db) }
            _ = await steward("enqueue", "fail", "--args", #"{"permanent": true}"#, "--database", db)
            let run = await steward("run", "--drain", "--log-level", "critical", "--workflows", directory.path(""), "--database", db)
            #expect(run.code == 0, "\(run.error)")
            #expect(run.output.contains("drained: 3 completed, 1 discarded"))
            let stats = try jsonObject(await steward("stats", "--database", db, "--json").output)
            #expect(stats["default"] as? [String: Int] == ["completed": 3, "discarded": 1])
            let recent = try jsonObject(await steward("stats", "--last", "1h", "--database", db, "--json").output)
            let activity = (recent["activity"] as? [[String: Any]] ?? []).map { "\($0["kind"]!):\($0["completed"]!)/\($0["failed"]!)/\($0["retried"]!)" }
            #expect(activity == ["fail:0/1/0", "noop:3/0/0"], "the run's attempts, from the rollup: \(recent)")
            let table = await steward("stats", "--last", "1h", "--database", db).output
            #expect(table.contains("Attempts that ended in the last 1h:") && table.contains("P95"), "\(table)")
            let bad = await steward("stats", "--last", "soon", "--database", db)
            #expect(bad.code != 0 && bad.error.contains("--last: 'soon' is not a duration"), "\(bad.error)")
            let long = await steward("stats", "--last", "30d", "--database", db)
            #expect(long.code != 0 && long.error.contains("7 days"), "\(long.error)")
            let metrics = await steward("metrics", "--database", db).output
            #expect(metrics.contains(#"steward_jobs{queue="default",state="completed"} 3"#))
        }
    }

    @Test func demoRunsEveryBuiltinKind() async throws {
        try await TemporaryDirectory.with { directory in
            let result = await steward("demo", "--database", directory.path("demo.sqlite"))
            #expect(result.code == 0, "\(result.error)")
            #expect(result.output.contains("drained: "))
            for kind in ["noop", "probe", "sleep", "fail"] { #expect(result.output.contains(kind)) }
            #expect(result.output.contains("upstream returned 503"))
            // The command the demo suggests next works on its file as it is.
            let suggested = try #require(result.output.firstMatch(of: /Try: steward jobs show (\d+) --database/).map { String($0.1) })
            let shown = await steward("jobs", "show", suggested, "--database", directory.path("demo.sqlite"))
            #expect(shown.code == 0 && shown.output.contains("discarded"), "\(shown.error)")
            let recent = await steward("stats", "--last", "1h", "--database", directory.path("demo.sqlite"))
            #expect(recent.code == 0 && recent.output.contains("Attempts that ended in the last 1h:"), "\(recent.error)")
            #expect(result.output.contains("Try: steward stats --last 1h --database") && result.output.contains("steward serve --database"))
        }
    }
}
