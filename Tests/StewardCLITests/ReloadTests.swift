import Foundation
import StewardTesting
import Testing

@Suite("Workflow reload", .serialized)
struct ReloadTests {
    static let valid = """
        kind: schedule
        name: nightly
        schedule: "0 3 * * *"
        job: { kind: noop }
        """

    @Test func sighupReloadsAValidDirectoryAndKeepsThePreviousOneWhenInvalid() async throws {
        try await TemporaryDirectory.with { directory in
            let workflows = directory.url.appendingPathComponent("Workflows")
            try FileManager.default.createDirectory(at: workflows, withIntermediateDirectories: true)
            let file = workflows.appendingPathComponent("schedules.yml")
            try Self.valid.write(to: file, atomically: true, encoding: .utf8)
            let worker = try ChildProcess(["run", "--log-level", "info", "--database", directory.path("jobs.sqlite")], in: directory.url)
            #expect(await worker.waitForLog(containing: "SIGHUP reloads the workflow files"), "\(worker.standardError)")

            try Self.valid.replacingOccurrences(of: "0 3 * * *", with: "0 25 * * *").write(to: file, atomically: true, encoding: .utf8)
            worker.send(SIGHUP)
            #expect(await worker.waitForLog(containing: "workflow reload failed; keeping the previous definitions"))
            #expect(worker.standardError.contains("Workflows/schedules.yml:3:11: schedule: cron '0 25 * * *': hour 25"))

            try (Self.valid + "\n---\n" + Self.valid.replacingOccurrences(of: "nightly", with: "hourly")).write(to: file, atomically: true, encoding: .utf8)
            worker.send(SIGHUP)
            #expect(await worker.waitForLog(containing: "workflow files reloaded"))
            #expect(worker.standardError.contains("schedules=2"))

            worker.send(SIGTERM)
            #expect(await worker.waitForExit() == 0, "\(worker.standardError)")
        }
    }

    @Test func runRefusesToStartOnAnInvalidDirectory() async throws {
        try await TemporaryDirectory.with { directory in
            let workflows = directory.url.appendingPathComponent("Workflows")
            try FileManager.default.createDirectory(at: workflows, withIntermediateDirectories: true)
            try "kind: schedule\nname: x\n".write(to: workflows.appendingPathComponent("bad.yml"), atomically: true, encoding: .utf8)
            let worker = try ChildProcess(["run", "--database", directory.path("jobs.sqlite")], in: directory.url)
            #expect(await worker.waitForExit() == 78)
            #expect(worker.standardError.contains("Workflows/bad.yml:1:1: schedule: missing required key 'schedule'"))
            #expect(!FileManager.default.fileExists(atPath: directory.path("jobs.sqlite")), "nothing written")
        }
    }
}
