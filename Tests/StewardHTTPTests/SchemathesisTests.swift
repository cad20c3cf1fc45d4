import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import StewardApp
import StewardCore
import StewardSQLite
import StewardTesting
import Testing

/// schemathesis (PyPI, in `.venv-test`) fuzzes a real `steward serve` from the OpenAPI document it
/// serves: every operation, valid and invalid data, stateful sequences along the document's
/// links. No answer may be a 5xx, fall outside the document, accept what the schema forbids or
/// refuse what it allows (422 aside, see schemathesis.toml). Bounded by example count and a timeout.
@Suite("schemathesis", .serialized)
struct SchemathesisTests {
    @Test func theLiveServerHonoursItsOpenAPIDocument() async throws {
        let python = try WebhookReceiver.verifyingPython()
        try await SQLiteTestStore.with(schema: StewardStore.schema) { test in
            // A name nothing guesses; revoking tokens is left out, or the run would revoke its own.
            let secret = try await TokenService(store: test.store).create(name: "fuzz-\(UUID().uuidString.prefix(8))", role: .admin, by: "test").secret
            let server = try ChildProcess(["serve", "--port", "0", "--workflows", UploadProcessTests.profiles, "--log-level", "warning",
                                           "--database", test.path], in: test.directory.url)
            #expect(await server.waitForOutput(containing: "listening on"), "\(server.standardError)")
            let port = try #require(server.standardOutput.firstMatch(of: /127\.0\.0\.1:(\d+)/).map { String($0.1) })
            let base = "http://127.0.0.1:\(port)"
            // Data for the id routes to find: an import with failed rows.
            var upload = URLRequest(url: URL(string: "\(base)/imports?profile=prospecting-targets")!)
            upload.httpMethod = "POST"
            upload.setValue("Bearer \(secret)", forHTTPHeaderField: "Authorization")
            upload.httpBody = try ImportFixtures.data("targets-with-errors.csv")
            let (_, response) = try await URLSession.shared.data(for: upload)
            #expect((response as? HTTPURLResponse)?.statusCode == 202)

            let document = test.directory.url.appendingPathComponent("openapi.json")
            let (spec, _) = try await URLSession.shared.data(from: URL(string: "\(base)/openapi.json")!)
            try spec.write(to: document)
            let config = WebhookReceiver.repositoryRoot().appendingPathComponent("Tests/StewardHTTPTests/schemathesis.toml").path
            let log = test.directory.url.appendingPathComponent("schemathesis.log")
            let status = try await Self.run("/usr/bin/timeout", ["240", URL(fileURLWithPath: python).deletingLastPathComponent().appendingPathComponent("schemathesis").path,
                "--config-file", config, "run", document.path, "--url", base, "-H", "Authorization: Bearer \(secret)",
                "--max-examples", "40", "--checks", "all", "--workers", "1", "--exclude-operation-id", "revokeToken", "--seed", "1"], log: log)
            server.send(SIGTERM)
            #expect(await server.waitForExit() == 0, "\(server.standardError)")
            let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            #expect(status == 0, "\(output.suffix(6000))")
            #expect(!server.standardError.contains("request failed"), "\(server.standardError.suffix(3000))")
        }
    }

    /// Runs a program to its end, its output into `log`; returns its exit status.
    static func run(_ program: String, _ arguments: [String], log: URL) async throws -> Int32 {
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let output = try FileHandle(forWritingTo: log)
        defer { try? output.close() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.standardOutput = output
        process.standardError = output
        return try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do { try process.run() } catch { continuation.resume(throwing: error) }
        }
    }
}
