import Foundation
import GRDB
@testable import StewardHTTP
import StewardApp
import StewardCore
import StewardCRM
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

/// The cadences page on the demo CRM.
@Suite(.stewardDatabase)
struct CadencePageTests {
    @Test func enrollmentsArePausedAndStoppedFromThePageAndActivitiesCountedPerOwner() async throws {
        try await LiveServer.with(workflows: try RepositoryWorkflows.load()) { server in
            try await CadenceRouteTests.loadDemoCRM(server)
            let bearer = try await server.token("api", .operator)
            let today = CRMDay(server.clock.now()).description
            let enrolled = try await server.send("POST", "/cadences/lead-follow-up/enrollments", token: bearer,
                                                 json: #"{"record_type": "account", "record_id": 1001, "on": "\#(today)"}"#)
            let id = try #require(enrolled.json["id"] as? Int)
            _ = try await CadenceService(store: server.store).generate([Int64(id)], now: server.clock.now())
            let ops = try await server.signIn(try await server.token("ops", .operator))
            let page = try await server.send("GET", "/ui/cadences?cadence=lead-follow-up", headers: ["Cookie": ops.cookie])
            #expect(page.text.contains("<strong>anna</strong>: 1"), "\(page.text)")
            #expect(page.text.contains("action=\"/ui/enrollments/\(id)/pause\""))
            let form = ["Content-Type": "application/x-www-form-urlencoded", "Cookie": ops.cookie]
            #expect(try await server.send("POST", "/ui/enrollments/\(id)/pause", body: Data("csrf=\(ops.csrf)".utf8), headers: form).status == 303)
            #expect(try await CadenceService(store: server.store).enrollment(Int64(id)).status == .paused)
            #expect(try await server.send("POST", "/ui/enrollments/\(id)/stop", body: Data("csrf=\(ops.csrf)".utf8), headers: form).status == 303)
            #expect(try await CadenceService(store: server.store).enrollment(Int64(id)).status == .stopped)
        }
    }
}
