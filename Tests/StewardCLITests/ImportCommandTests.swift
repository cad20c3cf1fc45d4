import Foundation
import GRDB
import StewardCore
import StewardSQLite
import StewardTesting
import Testing

/// `steward import` and `steward imports …` in-process, on the fixtures.
@Suite("Import commands")
struct ImportCommandTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/imports")
    var profiles: String { Self.fixtures.appendingPathComponent("profiles").path }
    func fixture(_ name: String) -> String { Self.fixtures.appendingPathComponent(name).path }

    @Test func importWaitWorksTheFileAndReportsTheCounts() async throws {
        try await SQLiteTestStore.with { test in
            let result = await steward("import", fixture("targets-with-errors.csv"), "--profile", "prospecting-targets", "--workflows", profiles,
                                       "--wait", "--database", test.path)
            #expect(result.code == 0, "\(result.error)")
            #expect(result.output.hasPrefix("import 1: targets-with-errors.csv (416 bytes, sha256 ff9a902d2f5f…) queued as job 1\n"))
            #expect(result.output.contains("import 1 completed_with_errors: 6 rows, 1 created, 0 updated, 1 skipped, 4 failed"))
            #expect(result.error.contains("[####################] 100%"), "a progress line on stderr")

            let errors = await steward("imports", "errors", "1", "--database", test.path)
            #expect(errors.output.split(separator: "\n").dropFirst().map { $0.prefix(28).trimmingCharacters(in: .whitespaces) }
                    == ["3     validation     company", "4     validation     email", "5     validation     website", "6     malformed_row"])
            let csv = await steward("imports", "errors", "1", "--csv", "--database", test.path)
            #expect(csv.output.hasPrefix("__line,__error_code,__error_field,__error_message,Company,Contact,Email,Phone,Website\r\n3,validation,company_name,"))
            let list = await steward("imports", "list", "--database", test.path)
            #expect(list.output.contains("targets-with-errors.csv  prospecting-targets  completed_with_errors  6     1"))
            let json = try jsonObject(await steward("imports", "show", "1", "--json", "--database", test.path).output)
            #expect(json["status"] as? String == "completed_with_errors")
            #expect(json["failed_rows"] as? Int == 4 && json["total_rows"] as? Int == 6)
            #expect(json["sha256"] as? String == "ff9a902d2f5fc8247752cd2d648d6e9a156b3b48a56d37cfddb83b7b2793518f")
        }
    }

    @Test func aRetryAppearsUnderItsImportInTheHistory() async throws {
        try await SQLiteTestStore.with { test in
            _ = await steward("import", fixture("targets-with-errors.csv"), "--profile", "prospecting-targets", "--workflows", profiles,
                              "--wait", "--database", test.path)
            let report = test.directory.path("report.csv")
            #expect(await steward("imports", "errors", "1", "--output", report, "--database", test.path).code == 0)
            let corrected = try String(contentsOfFile: report, encoding: .utf8).replacingOccurrences(of: ",ben@harbor,", with: ",ben@harbor.co.uk,")
            try corrected.write(toFile: report, atomically: true, encoding: .utf8)
            let retry = await steward("imports", "retry", "1", "--file", report, "--wait", "--database", test.path)
            #expect(retry.code == 0, "\(retry.error)")
            #expect(retry.output.contains("import 2 completed_with_errors: 4 rows, 1 created, 0 updated, 0 skipped, 3 failed"), "\(retry.output)")
            let history = await steward("imports", "history", "--database", test.path)
            let lines = history.output.split(separator: "\n")
            #expect(lines[1].hasPrefix("1 "))
            #expect(lines[2].hasPrefix("  └ 2 "))
            let show = await steward("imports", "show", "2", "--database", test.path)
            #expect(show.output.contains("retry_of    import 1"))
        }
    }

    @Test func badInputIsRefusedWithAFixAndNothingWritten() async throws {
        try await SQLiteTestStore.with { test in
            let unknown = await steward("import", fixture("targets-good.csv"), "--profile", "nope", "--workflows", profiles, "--database", test.path)
            #expect(unknown.code == 64)
            #expect(unknown.error.contains("no import profile named 'nope'") && unknown.error.contains("defined: contacts, prospecting-targets"))
            let header = await steward("import", fixture("targets-good.csv"), "--profile", "contacts", "--workflows", profiles, "--database", test.path)
            #expect(header.code != 0)
            #expect(header.error.contains("targets-good.csv: line 1: missing required column 'Account ID' (or 'account') and 'First name' and 'Last name'"))
            let missing = await steward("import", test.directory.path("missing.csv"), "--profile", "contacts", "--workflows", profiles, "--database", test.path)
            #expect(missing.error.contains("missing.csv: cannot be read"))
            for size in ["0", "50001"] {
                let batch = await steward("import", fixture("targets-good.csv"), "--profile", "prospecting-targets", "--workflows", profiles,
                                          "--batch-size", size, "--database", test.path)
                #expect(batch.code == 64 && batch.error.contains("--batch-size must be between 1 and 50000"), "\(batch.error)")
            }
            let none = await steward("imports", "show", "7", "--database", test.path)
            #expect(none.error.contains("no import with id 7"))
            let imports = try await test.store.database.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM imports") }
            #expect(imports == 0)
        }
    }

    @Test func theDemoShowsAnImportAndItsErrorReport() async throws {
        try await TemporaryDirectory.with { directory in
            let result = await steward("demo", "--database", directory.path("demo.sqlite"))
            #expect(result.code == 0, "\(result.error)")
            #expect(result.output.contains("import 1 completed_with_errors: 6 rows, 1 created, 0 updated, 1 skipped, 4 failed"))
            #expect(result.output.contains("__line,__error_code,__error_field,__error_message,Company,Contact,Email,Phone,Website\n3,validation,company_name,"))
        }
    }
}
