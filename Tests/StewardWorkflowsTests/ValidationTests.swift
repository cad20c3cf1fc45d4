import Foundation
import StewardWorkflows
import Testing

/// Each kind of mistake is reported with its file, line, column and key path, and a directory's
/// mistakes come all at once.
@Suite("Workflow validation")
struct ValidationTests {
    let loader = WorkflowLoader(environment: ["HOOK_SECRET": "whsec_dGVzdA=="], jobKinds: ["noop", "probe"])

    func issues(_ files: [(String, String)]) -> [String] {
        do {
            _ = try loader.load(files: files.map { (path: $0.0, text: $0.1) })
            return []
        } catch let error as WorkflowValidationError {
            return error.issues.map(\.description)
        } catch {
            return ["unexpected: \(error)"]
        }
    }

    func issues(_ text: String, file: String = "w.yml") -> [String] { issues([(file, text)]) }

    @Test func unknownKeysAreNamedWithASuggestion() {
        let text = """
            kind: cadence
            name: c
            stepz:
              - { day: 0, type: call, subject: Hi }
            """
        #expect(issues(text) == [
            "w.yml:1:1: steps: missing required key 'steps' (list the steps, e.g. - { day: 0, type: call, subject: First call })",
            "w.yml:3:1: stepz: unknown key 'stepz' (did you mean 'steps'?)",
        ])
    }

    @Test func wrongTypesAndBadChoicesPointAtTheValue() {
        let text = """
            kind: cadence
            name: c
            days: bussiness
            steps:
              - { day: two, type: call, subject: Hi }
            """
        #expect(issues(text) == [
            "w.yml:3:7: days: expected one of calendar, business, got 'bussiness' (did you mean 'business'?)",
            "w.yml:5:12: steps[0].day: expected a whole number, got 'two' (days count from enrollment: 0, 2, 5 …)",
        ])
    }

    @Test func badDurationsCronsTimeZonesAndEvents() throws {
        let text = """
            kind: schedule
            name: s
            schedule: "61 * * * *"
            timezone: Europe/Berlinn
            starting_deadline: 10 minutes
            job: { kind: noop }
            ---
            kind: trigger
            name: t
            on: opportunity.create
            actions: [{ enqueue: { kind: noop } }]
            """
        let found = issues(text)
        try #require(found.count == 4, "\(found)")
        #expect(found[0].hasPrefix("w.yml:3:11: schedule: cron '61 * * * *': "))
        #expect(found[1] == "w.yml:4:11: timezone: unknown time zone 'Europe/Berlinn' (use an IANA name such as UTC, Europe/Berlin or America/New_York)")
        #expect(found[2] == "w.yml:5:20: starting_deadline: expected a duration, got '10 minutes' (write e.g. 5s, 10m, 2h or 3d)")
        #expect(found[3].hasPrefix("w.yml:10:5: on: expected one of import.completed,"))
        #expect(found[3].hasSuffix("(did you mean 'opportunity.created'?)"))
    }

    /// A target that cannot be imported into gets one issue listing only the importable ones,
    /// and no second, wrong one about the columns it then could not check.
    @Test func anImportProfileWithATargetThatCannotBeImportedInto() {
        let text = """
            kind: import
            name: p
            target: jobs
            columns:
              email: { type: email }
            """
        #expect(issues(text) == [
            "w.yml:3:9: target: cannot import into 'jobs' (import into prospecting_targets, leads, contacts or accounts)",
        ])
        let typo = issues(text.replacingOccurrences(of: "target: jobs", with: "target: contact"))
        #expect(typo == ["w.yml:3:9: target: cannot import into 'contact' (did you mean 'contacts'?)"])
        let exportOnly = issues(text.replacingOccurrences(of: "target: jobs", with: "target: opportunities"))
        #expect(exportOnly == ["w.yml:3:9: target: cannot import into 'opportunities' (import into prospecting_targets, leads, contacts or accounts)"])
    }

    @Test func jobKindSettingsNameAKnownKindAndABoundedCrashLimit() throws {
        let loader = WorkflowLoader(environment: [:], jobKinds: ["import", "sleep"])
        let set = try loader.load(files: [(path: "k.yml", text: "kind: job_kind\nname: import\ncrash_limit: 5\n")])
        #expect(set.jobKinds["import"]?.crashLimit == 5)
        #expect(issues([("k.yml", "kind: job_kind\nname: import\ncrash_limit: 0\n")]) == ["k.yml:3:14: crash_limit: 0 is out of range 1–100 (e.g. crash_limit: 3)"])
        let unknown = try #require(throws: WorkflowValidationError.self) {
            try loader.load(files: [(path: "k.yml", text: "kind: job_kind\nname: imprt\ncrash_limit: 2\n")])
        }
        #expect(unknown.issues.map(\.description) == ["k.yml:2:7: name: unknown job kind 'imprt' (known kinds: import, sleep)"])
    }

    /// Numbers from a file never reach arithmetic that could trap: a relative day as far out as
    /// Int allows is an issue at its value.
    @Test func aRelativeDayBeyondAHundredYearsIsAnIssue() {
        let text = """
            kind: export
            name: e
            source: accounts
            columns: [account_id]
            where: { created_at: { gte: -9223372036854775808d } }
            path: e.csv
            """
        #expect(issues(text) == ["w.yml:5:29: where.created_at.gte: '-9223372036854775808d' is more than 100 years from the run's date (write e.g. -30d or +7d)"])
    }

    @Test func aCronThatCanNeverFireIsAnIssueAtItsValue() {
        let text = """
            kind: schedule
            name: leap
            schedule: "0 0 30 2 *"
            job: { kind: noop }
            """
        #expect(issues(text) == [
            "w.yml:3:11: schedule: cron '0 0 30 2 *': day-of-month 30 never occurs in February (at most 29 days), so it never fires"
                + " (pick a day of month the month has, or another month)",
        ])
    }

    @Test func referencesToUndefinedCadencesAndUnknownJobKinds() {
        let text = """
            kind: winback
            name: w
            cadence: win-back
            ---
            kind: cadence
            name: winback
            steps: [{ day: 0, type: call, subject: Hi }]
            ---
            kind: schedule
            name: s
            schedule: "@daily"
            job: { kind: export-everything }
            """
        #expect(issues(text) == [
            "w.yml:3:10: cadence: no cadence named 'win-back' (did you mean 'winback'?)",
            "w.yml:12:14: job.kind: unknown job kind 'export-everything' (known kinds: noop, probe)",
        ])
    }

    @Test func unsetEnvironmentVariablesAndSecretsWrittenInline() {
        let text = """
            kind: webhook
            name: a
            url: https://hooks.example.com/a
            secret: ${MISSING_SECRET}
            events: [import.completed]
            ---
            kind: webhook
            name: b
            url: http://hooks.example.com/b
            secret: whsec_abc
            events: [import.completed]
            """
        #expect(issues(text) == [
            "w.yml:4:9: secret: environment variable MISSING_SECRET is not set (export MISSING_SECRET=… before starting steward)",
            "w.yml:9:6: url: 'http://hooks.example.com/b' must use https (use https, or set allow_insecure: true for local testing)",
            "w.yml:10:9: secret: the secret must come from the environment, not be written in the file (write secret: ${NAME} and export NAME)",
        ])
    }

    @Test func everyFileOfADirectoryIsReportedAtOnceAndNamesAreUniquePerKind() throws {
        let found = issues([
            ("a.yml", "kind: cadence\nname: dup\nsteps: [{ day: 0, type: call, subject: Hi }]\n"),
            ("b.yml", "kind: cadence\nname: dup\nsteps: [{ day: 0, type: call, subject: Hi }]\n"),
            ("c.yml", "kind: export\nname: e\nsource: opportunities\ncolumns: [stage, account.company_nme]\n"),
            ("d.yml", "kind: [oops\n"),
        ])
        try #require(found.count == 3, "\(found)")
        #expect(found[0] == "b.yml:2:7: name: a cadence named 'dup' is already defined at a.yml:2 (rename one of them)")
        #expect(found[1] == "c.yml:4:18: columns[1]: opportunities has no column 'account.company_nme' (did you mean 'account.company_name'?)")
        #expect(found[2].hasPrefix("d.yml:2:1: not valid YAML: "))
    }

    @Test func runTimeTrapsAreCaughtAtLoad() {
        let text = """
            kind: export
            name: a
            source: accounts
            columns: [account_id]
            path: reports/
            ---
            kind: schedule
            name: s
            schedule: "@hourly"
            starting_deadline: 500ms
            job: { kind: noop }
            ---
            kind: exprot
            name: typo
            source: accounts
            """
        #expect(issues(text) == [
            "w.yml:5:7: path: 'reports/' does not name a file (end it with a file name, e.g. exports/{name}-{date}.csv)",
            "w.yml:10:20: starting_deadline: a starting deadline under a second would drop every tick (write at least 1s, e.g. 10m)",
            "w.yml:13:7: kind: expected one of cadence, winback, export, webhook, import, schedule, trigger, job_kind, got 'exprot' (did you mean 'export'?)",
        ])
    }

    @Test func twoExportsMayNotWriteTheSamePath() {
        let text = "kind: export\nname: a\nsource: accounts\ncolumns: [account_id]\npath: out.csv\n---\nkind: export\nname: b\nsource: accounts\ncolumns: [account_id]\npath: out.csv\n"
        #expect(issues(text) == ["w.yml:11:7: path: export 'b' writes the same path 'out.csv' as 'a' (give each export its own path, e.g. with {name})"])
    }

    @Test func xlsxIsRefusedUntilItExists() {
        let text = "kind: export\nname: e\nsource: accounts\ncolumns: [account_id]\nformat: xlsx\n"
        #expect(issues(text) == ["w.yml:5:9: format: xlsx output is not available yet (use format: csv (spreadsheets open it))"])
    }

    @Test func exportPathsMayNotLeaveTheExportDirectory() {
        let text = "kind: export\nname: e\nsource: accounts\ncolumns: [account_id]\npath: ../../etc/{date}.csv\n"
        #expect(issues(text) == ["w.yml:5:7: path: '../../etc/{date}.csv' leaves the export directory (write a relative path without '..', e.g. exports/{name}-{date}.csv)"])
    }

    @Test func aValidDocumentIsTyped() throws {
        let set = try loader.load(files: [(path: "w.yml", text: """
            kind: export
            name: pipeline
            schedule: "0 7 * * MON"
            timezone: Europe/Berlin
            source: opportunities
            columns: [opportunity_id, account.company_name, amount]
            where: { stage: { not_in: [closed_won, closed_lost] }, amount: { gte: 1000 }, created_at: { gte: -30d } }
            order: [-amount]
            keep: 12
            """)])
        let export = try #require(set.exports["pipeline"])
        #expect(export.columns == ["opportunity_id", "account.company_name", "amount"])
        #expect(export.timing?.timeZone.identifier == "Europe/Berlin")
        #expect(export.filters == [
            ExportFilter(column: "stage", op: .notIn, values: [.text("closed_won"), .text("closed_lost")]),
            ExportFilter(column: "amount", op: .gte, values: [.number(1000)]),
            ExportFilter(column: "created_at", op: .gte, values: [.daysFromNow(-30)]),
        ])
        #expect(export.path == "pipeline-{date}.csv" && export.keep == 12)
    }
}
