import Foundation
import StewardApp
import GRDB
import StewardCLI
import StewardCore
import StewardCRM
import StewardSQLite
import StewardTesting
import Testing

/// `steward cadences|activities|crm|winback|accounts` in-process, on a temp database and a
/// workflow directory of their own.
@Suite("Cadence commands")
struct CadenceCommandTests {
    static let workflows = """
        kind: cadence
        name: follow-up
        enroll_on: opportunity.created
        days: business
        steps:
          - { day: 0, type: call, subject: "Call {{account.company_name}}" }
          - { day: 1, type: email, subject: "Mail" }
        stop_on: [opportunity.closed_won]
        ---
        kind: winback
        name: inactive
        cadence: follow-up
        """

    /// Runs `body` with a database holding two accounts and a workflow directory.
    func withCRM(days: String = "business", _ body: (String, String) async throws -> Void) async throws {
        try await SQLiteTestStore.with(schema: StewardStore.schema) { test in
            try await test.store.database.write { db in
                try db.execute(sql: """
                    INSERT INTO accounts (account_id, company_name, owner_user_id) VALUES (1, 'Acme', 'anna'), (2, 'Beta', 'ben');
                    INSERT INTO transactions (account_id, date, amount) VALUES (1, '2025-11-01', 10), (2, '2026-02-27', 10);
                    """)
            }
            let directory = test.directory.url.appendingPathComponent("wf")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try Self.workflows.replacingOccurrences(of: "days: business", with: "days: \(days)").write(to: directory.appendingPathComponent("c.yml"), atomically: true, encoding: .utf8)
            try await body(test.path, directory.path)
        }
    }

    let clock = ManualClock(now: Date(timeIntervalSince1970: 1_772_452_800))  // 2026-03-02 12:00 UTC, a Monday

    /// `steward run` on the system clock (a pool must never wait on a clock nobody advances),
    /// so dates are checked against today.
    @Test func anOpportunityIsEnrolledThroughItsEventAndWinningItStopsTheCadence() async throws {
        try await withCRM(days: "calendar") { db, wf in
            #expect(await steward("crm", "create-opportunity", "--account", "1", "--amount", "900", "--database", db).output
                == "opportunities 1: recorded opportunity.created\n")
            let run = await steward("run", "--drain", "--workflows", wf, "--database", db)
            #expect(run.code == 0, "\(run.error)")
            let planned = await steward("activities", "list", "--owner", "anna", "--due", "today", "--database", db).output
            #expect(planned.contains("\(CRMDay(Date()))  Planned  call  anna   1        1#1              Call Acme"), "\(planned)")
            #expect(await steward("crm", "set-stage", "1", "closed_won", "--database", db).code == 0)
            _ = await steward("run", "--drain", "--workflows", wf, "--database", db)
            let show = await steward("cadences", "show", "follow-up", "--workflows", wf, "--database", db).output
            #expect(show.contains("Stopped, step 0"), "\(show)")
            #expect(show.contains("(opportunity.closed_won)"), "\(show)")
            let cancelled = try jsonArray(await steward("activities", "list", "--status", "cancelled", "--json", "--database", db).output)
            #expect(cancelled.count == 2)
        }
    }

    @Test func manualEnrollPauseResumeAndStop() async throws {
        try await withCRM { db, wf in
            let enroll = await steward("cadences", "enroll", "follow-up", "--account", "2", "--workflows", wf, "--database", db, clock: clock)
            #expect(enroll.output == "enrolled: enrollment 1: account 2 in follow-up (v1), Active, step 0, enrolled 2026-03-02\n", "\(enroll.error)")
            let again = await steward("cadences", "enroll", "follow-up", "--account", "2", "--workflows", wf, "--database", db, clock: clock)
            #expect(again.output.hasPrefix("already enrolled: enrollment 1"))
            #expect(await steward("cadences", "pause", "1", "--database", db, clock: clock).output.hasPrefix("paused: enrollment 1"))
            let twice = await steward("cadences", "pause", "1", "--database", db, clock: clock)
            #expect(twice.code == 65 && twice.error.contains("enrollment 1 is Paused; only Active enrollments can pause"))
            #expect(await steward("cadences", "resume", "1", "--database", db, clock: clock).code == 0)
            #expect(await steward("cadences", "stop", "1", "--reason", "duplicate", "--database", db, clock: clock).output.contains("Stopped"))
            let list = await steward("cadences", "list", "--workflows", wf, "--database", db, clock: clock).output
            #expect(list.contains("follow-up  v1       business  upfront   2      0       0"), "\(list)")
        }
    }

    @Test func winbackScanAndAccountStatus() async throws {
        try await withCRM { db, wf in
            let scan = await steward("winback", "scan", "--as-of", "2026-03-02", "--workflows", wf, "--database", db, clock: clock)
            #expect(scan.output == "winback scan as of 2026-03-02: 2 accounts, 2 changed, 1 newly inactive (1 enrolled in follow-up), 0 reactivated\n", "\(scan.error)")
            let status = await steward("accounts", "status", "1", "--database", db).output
            #expect(status.contains("account 1 Acme: Inactive / Winback Target, last transaction 2025-11-01, since 2026-03-02"))
            let counts = await steward("accounts", "status", "--database", db).output
            #expect(counts.contains("Active    New Customer    1"), "\(counts)")
        }
    }

    @Test func aWinbackRuleWithAScheduleBecomesAScheduledScan() async throws {
        try await TemporaryDirectory.with { directory in
            let workflows = directory.url.appendingPathComponent("wf")
            try FileManager.default.createDirectory(at: workflows, withIntermediateDirectories: true)
            try (Self.workflows + "\nschedule: \"0 6 * * *\"\ntimezone: Europe/Berlin\n")
                .write(to: workflows.appendingPathComponent("c.yml"), atomically: true, encoding: .utf8)
            let result = await steward("schedules", "list", "--workflows", workflows.path, "--database", directory.path("s.sqlite"))
            #expect(result.output.contains("winback:inactive  0 6 * * *  Europe/Berlin"), "\(result.output)\(result.error)")
        }
    }

    @Test func badInputNamesTheFieldAndExitsWithItsCode() async throws {
        try await withCRM { db, wf in
            let cases: [([String], Int32, String)] = [
                (["crm", "set-stage", "9", "qualified"], 66, "steward: error: no opportunity 9 (check the opportunity id)"),
                (["crm", "record-transaction", "--account", "1", "--amount", "5", "--date", "2026-3-1"], 65,
                 "steward: error: date: '2026-3-1' is not a date (write YYYY-MM-DD, e.g. 2026-03-31)"),
                (["cadences", "enroll", "follow-up", "--account", "1", "--target", "2", "--workflows", wf], 64,
                 "steward: error: name exactly one record to enroll (got 2) (pass one of --account ID, --opportunity ID, --contact ID, --target ID)"),
                (["cadences", "enroll", "nope", "--account", "1", "--workflows", wf], 64, "steward: error: no cadence named 'nope' in \(wf) (defined: follow-up)"),
                (["activities", "list", "--due", "tomorrow"], 64, "steward: error: --due: unknown value 'tomorrow' (use today or overdue)"),
                (["winback", "scan", "--as-of", "yesterday", "--workflows", wf], 64, "steward: error: --as-of: 'yesterday' is not a date (write YYYY-MM-DD, e.g. 2026-03-31)"),
                (["accounts", "status", "77"], 66, "steward: error: no account 77 (steward accounts status lists the counts)"),
            ]
            for (arguments, code, message) in cases {
                let result = await StewardCLIRunner.run(arguments + ["--database", db])
                #expect(result.code == code, "\(arguments)")
                #expect(result.error == message + "\n", "\(arguments)")
            }
            let audited = try await SQLiteJobStore.open(path: db).database.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM audit_log") }
            #expect(audited == 0, "refused changes write nothing")
        }
    }

    @Test func closedRecordsPastScansUnknownNamesAndMissingFilesAreRefusedWritingNothing() async throws {
        try await withCRM { db, wf in
            let store = try SQLiteJobStore.open(path: db)
            try await store.database.write { db in
                try db.execute(sql: "INSERT INTO opportunities (opportunity_id, account_id, stage, closed_at) VALUES (5, 1, 'closed_won', '2026-02-01')")
            }
            #expect(await StewardCLIRunner.run(["winback", "scan", "--as-of", "2026-03-02", "--workflows", wf, "--database", db]).code == 0)
            let missing = db + ".typo"
            let cases: [([String], Int32, String)] = [
                (["cadences", "enroll", "follow-up", "--opportunity", "5", "--workflows", wf, "--database", db], 65,
                 "steward: error: opportunity 5 is closed_won; a closed record is not enrolled in 'follow-up' (enroll an open record)"),
                (["winback", "scan", "--as-of", "2026-02-01", "--workflows", wf, "--database", db], 65,
                 "steward: error: as of 2026-02-01 is before the latest winback scan, as of 2026-03-02; statuses only move forward (scan as of 2026-03-02 or later)"),
                (["cadences", "show", "nope", "--workflows", wf, "--database", db], 64, "steward: error: no cadence named 'nope' in \(wf) (defined: follow-up)"),
            ]
            for (arguments, code, message) in cases {
                let result = await StewardCLIRunner.run(arguments)
                #expect(result.code == code, "\(arguments)")
                #expect(result.error == message + "\n", "\(arguments)")
            }
            let written = try await store.database.read { db in
                try Int.fetchOne(db, sql: "SELECT (SELECT count(*) FROM cadence_enrollments WHERE record_type = 'opportunity') + (SELECT count(*) FROM cadence_versions)")
            }
            #expect(written == 1, "only the scan's sync of its cadence: no enrollment, no version for show")
            for arguments in [["cadences", "list", "--workflows", wf], ["winback", "scan", "--workflows", wf], ["cadences", "show", "follow-up", "--workflows", wf]] {
                let result = await StewardCLIRunner.run(arguments + ["--database", missing])
                #expect(result.code != 0 && !FileManager.default.fileExists(atPath: missing), "\(arguments): \(result.error)")
            }
        }
    }

    @Test func dueTodayIsTodayInTheTimeZoneOfTZ() async throws {
        try await withCRM { db, _ in
            try await SQLiteJobStore.open(path: db).database.write { db in
                try db.execute(sql: "INSERT INTO activities (subject, status, due_date, owner_user_id) VALUES ('Call Acme', 'Planned', '2026-03-03', 'anna')")
            }
            let lateMonday = Date(timeIntervalSince1970: 1_772_488_800)  // 2026-03-02 22:00 UTC: Tuesday in Helsinki
            for (zone, listed) in [("Europe/Helsinki", true), ("UTC", false)] {
                let output = BufferOutput()
                let context = CommandContext(output: output, errorOutput: BufferOutput(), environment: ["TZ": zone], clock: ManualClock(now: lateMonday))
                let code = await CommandContext.$current.withValue(context) { await StewardMain.run(["activities", "list", "--due", "today", "--database", db]) }
                #expect(code == 0)
                #expect(output.text.contains("Call Acme") == listed, "\(zone): \(output.text)")
            }
        }
    }

    @Test func theDemoShowsCadencesAndWinback() async throws {
        try await TemporaryDirectory.with { directory in
            let result = await steward("demo", "--database", directory.path("demo.sqlite"))
            #expect(result.code == 0, "\(result.error)")
            #expect(result.output.contains("15 activities planned by lead-follow-up"))
            #expect(result.output.contains("45 newly inactive → enrolled in 'winback'"), "\(result.output)")
            #expect(result.output.contains("scanning again changed 0"))
        }
    }
}

/// `steward` with an argument array.
enum StewardCLIRunner {
    static func run(_ arguments: [String]) async -> CLIResult {
        let output = BufferOutput()
        let error = BufferOutput()
        let context = CommandContext(output: output, errorOutput: error, environment: [:], clock: SystemClock())
        let code = await CommandContext.$current.withValue(context) { await StewardMain.run(arguments) }
        return CLIResult(code: code, output: output.text, error: error.text)
    }
}
