import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import StewardApp
import StewardCore
import StewardSQLite
import StewardTesting
import Testing

/// `steward serve` as a real process: it prints where it listens, logs one line per request
/// without the token, and stops cleanly on SIGTERM.
@Suite("serve process", .serialized)
struct ServeProcessTests {
    @Test func serveAnswersLogsEachRequestWithoutItsTokenAndStopsOnSIGTERM() async throws {
        try await SQLiteTestStore.with(schema: StewardStore.schema) { test in
            let secret = try await TokenService(store: test.store).create(name: "ops", role: .operator, by: "test").secret
            let server = try ChildProcess(["serve", "--port", "0", "--database", test.path], in: test.directory.url)
            #expect(await server.waitForOutput(containing: "listening on"), "\(server.standardError)")
            let port = try #require(server.standardOutput.firstMatch(of: /127\.0\.0\.1:(\d+)/).map { String($0.1) })
            var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/queues")!)
            request.setValue("Bearer \(secret)", forHTTPHeaderField: "Authorization")
            request.setValue("trace-42", forHTTPHeaderField: "X-Request-Id")
            let (body, response) = try await URLSession.shared.data(for: request)
            #expect((response as? HTTPURLResponse)?.statusCode == 200)
            let queues = ((try? JSONSerialization.jsonObject(with: body)) as? [[String: Any]] ?? []).compactMap { $0["queue"] as? String }
            #expect(queues == ["cadences", "default", "exports", "imports", "webhooks", "winback"],
                    "the queues the workers serve are listed while empty, so they can be paused: \(queues)")
            #expect(await server.waitForLog(containing: "request_id=trace-42"), "\(server.standardError)")
            server.send(SIGTERM)
            #expect(await server.waitForExit() == 0, "\(server.standardError)")
            let line = try #require(server.standardError.split(separator: "\n").first { $0.contains("request_id=trace-42") })
            for part in ["method=GET", "route=/queues", "status=200", "latency_ms=", "token=ops"] {
                #expect(line.contains(part), "\(line)")
            }
            #expect(!server.standardError.contains(secret))
        }
    }

    @Test func aBadPortIsRefusedBeforeAnythingStarts() async throws {
        try await SQLiteTestStore.with(schema: StewardStore.schema) { test in
            let server = try ChildProcess(["serve", "--port", "70000", "--database", test.path], in: test.directory.url)
            #expect(await server.waitForExit() == 64)
            #expect(server.standardError.contains("'70000' is not a port"), "\(server.standardError)")
        }
    }
}

/// A SIGHUP reload reaches the API: a profile added to the files is usable without a restart.
@Suite("serve reload", .serialized)
struct ServeReloadTests {
    @Test(arguments: [[], ["--no-workers"]])
    func aProfileAddedAndReloadedIsAcceptedByTheAPI(workerOptions: [String]) async throws {
        try await SQLiteTestStore.with(schema: StewardStore.schema) { test in
            let secret = try await TokenService(store: test.store).create(name: "ops", role: .operator, by: "test").secret
            let workflows = test.directory.url.appendingPathComponent("workflows")
            try FileManager.default.createDirectory(at: workflows, withIntermediateDirectories: true)
            let profile = try String(contentsOfFile: UploadProcessTests.profiles + "/prospecting-targets.yml", encoding: .utf8)
            let server = try ChildProcess(["serve", "--port", "0", "--workflows", workflows.path, "--database", test.path] + workerOptions,
                                          in: test.directory.url)
            #expect(await server.waitForOutput(containing: "listening on"), "\(server.standardError)")
            let port = try #require(server.standardOutput.firstMatch(of: /127\.0\.0\.1:(\d+)/).map { String($0.1) })
            func upload() async throws -> Int {
                var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/imports?profile=prospecting-targets")!)
                request.httpMethod = "POST"
                request.setValue("Bearer \(secret)", forHTTPHeaderField: "Authorization")
                request.httpBody = try ImportFixtures.data("targets-good.csv")
                return try #require(try await LiveServer.session.data(for: request).1 as? HTTPURLResponse).statusCode
            }
            #expect(try await upload() == 422, "no such profile yet")
            try profile.write(to: workflows.appendingPathComponent("prospecting-targets.yml"), atomically: true, encoding: .utf8)
            server.send(SIGHUP)
            #expect(await server.waitForLog(containing: "workflow files reloaded"), "\(server.standardError)")
            #expect(try await upload() == 202)
            server.send(SIGTERM)
            #expect(await server.waitForExit() == 0)
        }
    }
}
