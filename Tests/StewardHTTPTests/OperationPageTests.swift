import Foundation
import GRDB
@testable import StewardHTTP
import StewardApp
import StewardCore
import StewardSQLite
import StewardTesting
import Testing

/// The exports and schedules pages on the repository's workflow files.
@Suite(.stewardDatabase)
struct OperationPageTests {
    @Test func schedulesAreSaidInWordsAndRunFromTheirPage() async throws {
        try await LiveServer.with(workflows: try RepositoryWorkflows.load()) { server in
            let ops = try await server.signIn(try await server.token("ops", .operator))
            let page = try await server.send("GET", "/ui/schedules", headers: ["Cookie": ops.cookie])
            #expect(page.text.contains("every Monday at 07:00, Europe/Berlin"), "\(page.text)")
            let run = try await server.send("POST", "/ui/schedules/nightly-probe/run", body: Data("csrf=\(ops.csrf)".utf8),
                                            headers: ["Content-Type": "application/x-www-form-urlencoded", "Cookie": ops.cookie])
            #expect(run.status == 303)
            #expect(try await server.store.jobList(JobListParams(kind: "probe")).count == 1)
        }
    }

    @Test func anExportRunsFromItsPageAndItsFileDownloads() async throws {
        try await LiveServer.with(workflows: try RepositoryWorkflows.load()) { server in
            let ops = try await server.signIn(try await server.token("ops", .operator))
            let run = try await server.send("POST", "/ui/exports/weekly-pipeline/run", body: Data("csrf=\(ops.csrf)".utf8),
                                            headers: ["Content-Type": "application/x-www-form-urlencoded", "Cookie": ops.cookie])
            #expect(run.status == 303)
            try await ImportFixtures.drain(server, queues: ["exports"])
            let page = try await server.send("GET", "/ui/exports", headers: ["Cookie": ops.cookie])
            let link = try #require(page.text.firstMatch(of: /href="(\/ui\/exports\/runs\/\d+\/file)"/).map { String($0.1) }, "\(page.text)")
            let file = try await server.send("GET", link, headers: ["Cookie": ops.cookie])
            #expect(file.status == 200)
            #expect(file.text.hasPrefix("opportunity_id,"))
            #expect(page.text.contains("every Monday at 07:00, Europe/Berlin"))
        }
    }

    @Test(arguments: [
        ("0 7 * * MON", "every Monday at 07:00, UTC"), ("30 6 * * *", "every day at 06:30, UTC"), ("0 9 * * 1-5", "every weekday at 09:00, UTC"),
        ("0 0 1 * *", "on day 1 of every month at 00:00, UTC"), ("*/5 * * * *", "*/5 * * * *"), ("15 2 * * 0", "every Sunday at 02:15, UTC"),
    ])
    func cronInWords(cron: String, words: String) {
        #expect(CronWords.describe(cron, timeZone: "UTC") == words)
    }
}
