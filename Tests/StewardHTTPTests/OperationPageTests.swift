import Foundation
import GRDB
@testable import StewardHTTP
import StewardApp
import StewardCore
import StewardCRM
import StewardSQLite
import StewardTesting
import StewardWorkflows
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

    @Test func templatesListTheirStepsAndNewlyFlaggedAccountsArePagedByKey() async throws {
        try await LiveServer.with(workflows: try RepositoryWorkflows.load()) { server in
            let day = CRMDay(server.clock.now())
            try await server.store.database.write { db in
                for account in 9001...9021 {
                    try db.execute(sql: "INSERT INTO accounts (account_id, company_name, owner_user_id) VALUES (?, ?, 'anna')", arguments: [account, "Dormant <\(account)>"])
                    try db.execute(sql: "INSERT INTO transactions (account_id, date, amount) VALUES (?, ?, 10)", arguments: [account, day.adding(days: -200).description])
                }
                try db.execute(sql: "INSERT INTO accounts (account_id, company_name) VALUES (9100, 'Busy Buyer')")
                try db.execute(sql: "INSERT INTO transactions (account_id, date, amount) VALUES (9100, ?, 10)", arguments: [day.adding(days: -2).description])
            }
            let rule = try #require(server.workflows.winbacks["inactive-accounts"])
            let cadence = try #require(server.workflows.cadences["winback"])
            let scan = try await WinbackService(store: server.store).scan(rule, cadence: cadence, asOf: day, now: server.clock.now())
            #expect(scan.flagged.count == 21)

            let viewer = try await server.token("look", .viewer)
            let page = try await server.get("/ui/cadences", token: viewer).text
            #expect(page.contains("<summary>4 steps</summary>") && page.contains("Day 10 · call · Winback offer call"), "the winback cadence's steps")
            #expect(page.contains("Day 0 · call · We miss you, {{account.company_name}}"), "a step's subject shown as written, not rendered")
            #expect(page.contains("Dormant &lt;9021&gt;") && !page.contains("Dormant <9021>"), "company names escaped")
            #expect(!page.contains("Busy Buyer"), "an active account is not flagged")
            #expect(page.components(separatedBy: "href=\"/ui/jobs?args=account_id:").count - 1 == 20, "one page of flags")
            let older = try #require(page.range(of: #"/ui/cadences?flagged_before="#).map { String(page[$0.upperBound...].prefix { $0.isNumber }) })
            let next = try await server.get("/ui/cadences?flagged_before=\(older)", token: viewer).text
            #expect(next.contains("Dormant &lt;9001&gt;") && !next.contains("Dormant &lt;9002&gt;"), "the oldest flag on the next page")

            let api = try await server.get("/accounts/winback-flagged?limit=2", token: viewer)
            let items = try #require(api.json["items"] as? [[String: Any]])
            #expect(items.map { $0["account_id"] as? Int } == [9021, 9020], "newest first")
            #expect(items.first?["previous_activity"] == nil && items.first?["tenure"] as? String == "Winback Target", "\(api.text)")
            #expect(api.json["next_before"] as? Int == items.last?["id"] as? Int)
        }
    }
}
