import Foundation
import StewardApp
import StewardCore
import StewardSQLite
import StewardTesting
import Testing

/// The dashboard in headless Chromium (Debian's chromium and chromium-driver, driven by selenium
/// from `.venv-test`), against a real `steward serve` with workers: sign in, pause the imports
/// queue and see an upload wait unclaimed while deliveries on another queue are attempted,
/// resume it and watch the import finish live, read the grouped errors, fix a row through the
/// report, retry a discarded job, redeliver a failed delivery, and the refusals (viewer buttons,
/// forged posts, a missing form token). See scripts/browser/dashboard_flow.py; screenshots land
/// in ./screenshots (ignored).
@Suite("browser", .serialized)
struct BrowserTests {
    @Test func theDashboardFlowWorksInChromium() async throws {
        try #require(FileManager.default.isExecutableFile(atPath: "/usr/bin/chromedriver"),
                     "install Chromium first: apt-get install -y chromium chromium-driver (.ci/run does)")
        let python = try WebhookReceiver.verifyingPython()
        try await SQLiteTestStore.with(schema: StewardStore.schema) { test in
            let tokens = TokenService(store: test.store)
            let admin = try await tokens.create(name: "admin-\(UUID().uuidString.prefix(6))", role: .admin, by: "test").secret
            let viewer = try await tokens.create(name: "viewer-\(UUID().uuidString.prefix(6))", role: .viewer, by: "test").secret
            // A discarded job on a queue no worker serves, so its retry stays visible.
            let now = Date()
            let job = try await test.store.jobInsertMany([NewJob(kind: "fail", args: #"{"message": "boom"}"#, queue: "parked", maxAttempts: 1)], now: now)[0].job
            let claimed = try await test.store.jobClaim(JobClaimParams(queue: "parked", limit: 1, owner: "test", leaseDuration: .seconds(30), now: now))
            _ = try await test.store.jobFinishMany([JobFinish(lease: claimed[0].lease!, outcome: .discard(error: "boom"))], now: now)

            // The fixture's import profiles, and an endpoint that answers 500 (its deliveries fail).
            let receiver = try await WebhookReceiver()
            defer { receiver.stop() }
            let workflows = test.directory.url.appendingPathComponent("workflows")
            try FileManager.default.createDirectory(at: workflows, withIntermediateDirectories: true)
            for name in try FileManager.default.contentsOfDirectory(atPath: UploadProcessTests.profiles) {
                // Read through the fixture's symlinks, so the copies are files.
                let text = try String(contentsOfFile: UploadProcessTests.profiles + "/" + name, encoding: .utf8)
                try text.write(to: workflows.appendingPathComponent(name), atomically: true, encoding: .utf8)
            }
            try """
                kind: webhook
                name: crm-hooks
                url: \(receiver.url("/status/500"))
                secret: ${S}
                events: [opportunity.created]
                allow_insecure: true
                allow_private: [127.0.0.1]
                """.write(to: workflows.appendingPathComponent("crm-hooks.yml"), atomically: true, encoding: .utf8)
            let server = try ChildProcess(["serve", "--port", "0", "--workflows", workflows.path, "--log-level", "warning",
                                           "--database", test.path], in: test.directory.url,
                                          environment: ["S": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"])
            #expect(await server.waitForOutput(containing: "listening on"), "\(server.standardError)")
            let port = try #require(server.standardOutput.firstMatch(of: /127\.0\.0\.1:(\d+)/).map { String($0.1) })
            let root = WebhookReceiver.repositoryRoot()
            let log = test.directory.url.appendingPathComponent("browser.log")
            let status = try await SchemathesisTests.run("/usr/bin/timeout", ["180", python, root.appendingPathComponent("scripts/browser/dashboard_flow.py").path,
                "--base", "http://127.0.0.1:\(port)", "--admin", admin, "--viewer", viewer,
                "--fixture", ImportFixtures.directory.appendingPathComponent("targets-with-errors.csv").path,
                "--job", String(job.id), "--shots", root.appendingPathComponent("screenshots").path], log: log)
            server.send(SIGTERM)
            _ = await server.waitForExit()
            let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            #expect(status == 0, "\(output.suffix(4000))\n\(server.standardError.suffix(2000))")
        }
    }
}
