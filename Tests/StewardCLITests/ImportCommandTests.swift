import Foundation
import StewardApp
import StewardCRM
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
        try await SQLiteTestStore.with(schema: StewardStore.schema) { test in
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
        try await SQLiteTestStore.with(schema: StewardStore.schema) { test in
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
            let missing = await steward("imports", "retry", "1", "--file", test.directory.path("missing.csv"), "--database", test.path)
            #expect(missing.code == 66 && missing.error.contains("missing.csv: no such file"), "\(missing.error)")
        }
    }

    @Test func retryingAnImportWithNothingToRetryExits65() async throws {
        try await SQLiteTestStore.with(schema: StewardStore.schema) { test in
            _ = await steward("import", fixture("targets-good.csv"), "--profile", "prospecting-targets", "--workflows", profiles,
                              "--wait", "--database", test.path)
            let retry = await steward("imports", "retry", "1", "--database", test.path)
            #expect(retry.code == 65)
            #expect(retry.error.contains("import 1 has no unresolved failed rows (nothing to retry"), "\(retry.error)")
        }
    }

    @Test func badInputIsRefusedWithAFixAndNothingWritten() async throws {
        try await SQLiteTestStore.with(schema: StewardStore.schema) { test in
            let unknown = await steward("import", fixture("targets-good.csv"), "--profile", "nope", "--workflows", profiles, "--database", test.path)
            #expect(unknown.code == 64)
            #expect(unknown.error.contains("no import profile named 'nope'") && unknown.error.contains("defined: contacts, prospecting-targets"))
            let header = await steward("import", fixture("targets-good.csv"), "--profile", "contacts", "--workflows", profiles, "--database", test.path)
            #expect(header.code != 0)
            #expect(header.error.contains("targets-good.csv: line 1: missing required column 'Account ID' (or 'account') and 'First name' and 'Last name'"))
            let missing = await steward("import", test.directory.path("missing.csv"), "--profile", "contacts", "--workflows", profiles, "--database", test.path)
            #expect(missing.code == 66 && missing.error.contains("missing.csv: no such file"), "\(missing.error)")
            for (size, message) in [("0", "the value must be a positive whole number"), ("-5", "the value must be a positive whole number"),
                                    ("50001", "--batch-size must be between 1 and 50000")] {
                let batch = await steward("import", fixture("targets-good.csv"), "--profile", "prospecting-targets", "--workflows", profiles,
                                          "--batch-size", size, "--database", test.path)
                #expect(batch.code == 64 && batch.error.contains(message), "\(batch.error)")
            }
            let none = await steward("imports", "show", "7", "--database", test.path)
            #expect(none.code == 66 && none.error.contains("no import with id 7"))
            let imports = try await test.store.database.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM imports") }
            #expect(imports == 0)
        }
    }

    /// Each file that cannot be imported gets its own answer and exit code (66: not there, 65:
    /// its content), and a refused import leaves no database behind.
    @Test(arguments: [
        ("dir", 66, "is a directory, not a CSV file"),
        ("missing.csv", 66, "missing.csv: no such file"),
        ("binary.csv", 65, "not a CSV text file: byte 3 is control character 0x00"),
        ("sheet.csv", 65, "(it looks like a ZIP archive, e.g. an .xlsx workbook)"),
        ("utf16.csv", 65, "the file is UTF-16"),
        ("empty.csv", 65, "the file is empty"),
        ("columns.csv", 65, "missing required column"),
    ])
    func filesThatCannotBeImportedGetTheirOwnExitCode(name: String, code: Int32, message: String) async throws {
        try await TemporaryDirectory.with { directory in
            try FileManager.default.createDirectory(atPath: directory.path("dir"), withIntermediateDirectories: true)
            try Data([0x43, 0x6F, 0x00, 0x6D, 0x0A]).write(to: directory.url.appendingPathComponent("binary.csv"))
            try Data([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00]).write(to: directory.url.appendingPathComponent("sheet.csv"))
            try Data([0xFF, 0xFE, 0x43, 0x00]).write(to: directory.url.appendingPathComponent("utf16.csv"))
            try Data().write(to: directory.url.appendingPathComponent("empty.csv"))
            try Data("Nothing,Useful\n1,2\n".utf8).write(to: directory.url.appendingPathComponent("columns.csv"))
            let database = directory.path("new.sqlite")
            let result = await steward("import", directory.path(name), "--profile", "prospecting-targets", "--workflows", profiles, "--database", database)
            #expect(result.code == code, "\(result.error)")
            #expect(result.error.contains(message), "\(result.error)")
            #expect(!FileManager.default.fileExists(atPath: database), "a refused import creates no database")
            #expect(!FileManager.default.fileExists(atPath: database + ".imports"), "nor a folder for its copy")
        }
    }

    /// Standard input (`-`) and a FIFO are read once, into the copy beside the database.
    @Test func anImportReadsStandardInputAndAFIFOOnce() async throws {
        try await SQLiteTestStore.with(schema: StewardStore.schema) { test in
            let csv = try String(contentsOfFile: fixture("targets-with-errors.csv"), encoding: .utf8)
            let piped = await steward(arguments: ["import", "-", "--profile", "prospecting-targets", "--workflows", profiles, "--wait", "--database", test.path],
                                      input: csv)
            #expect(piped.code == 0, "\(piped.error)")
            #expect(piped.output.hasPrefix("import 1: stdin (416 bytes, sha256 ff9a902d2f5f…)"), "\(piped.output)")
            #expect(piped.output.contains("import 1 completed_with_errors: 6 rows"))

            let fifo = test.directory.path("fifo.csv")
            #expect(mkfifo(fifo, 0o600) == 0)
            let writer = Thread {
                guard let handle = FileHandle(forWritingAtPath: fifo) else { return }
                handle.write(Data(csv.utf8))
                try? handle.close()
            }
            writer.start()
            let fromFIFO = await steward("import", fifo, "--profile", "prospecting-targets", "--workflows", profiles, "--wait", "--database", test.path)
            #expect(fromFIFO.code == 0, "\(fromFIFO.error)")
            #expect(fromFIFO.output.hasPrefix("import 2: fifo.csv (416 bytes, sha256 ff9a902d2f5f…)"), "\(fromFIFO.output)")
        }
    }

    /// A NUL byte inside a field is that row's error, not stored text.
    @Test func aNulByteInAFieldFailsItsRow() async throws {
        try await SQLiteTestStore.with(schema: StewardStore.schema) { test in
            let file = test.directory.url.appendingPathComponent("nul.csv")
            try Data("Company,Email\nAcme,a@example.com\nBad\u{0}Co,b@example.com\n".utf8).write(to: file)
            let result = await steward("import", file.path, "--profile", "prospecting-targets", "--workflows", profiles, "--wait", "--database", test.path)
            #expect(result.code == 0, "\(result.error)")
            let errors = await steward("imports", "errors", "1", "--database", test.path)
            #expect(errors.output.contains("contains a NUL byte"), "\(errors.output)")
            let names = try await test.store.database.read { db in try String.fetchAll(db, sql: "SELECT company_name FROM prospecting_targets") }
            #expect(names == ["Acme"])
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
