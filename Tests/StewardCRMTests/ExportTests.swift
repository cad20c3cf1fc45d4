import Foundation
import GRDB
import Logging
import StewardCore
import StewardCRM
import StewardSQLite
import StewardTesting
import StewardWorkflows
import Testing

@Suite("Exports", .crmDatabase)
struct ExportTests {
    let now = ManualClockTime.start  // 2026-01-05 09:00 UTC

    func seed(_ store: SQLiteJobStore) async throws {
        try await store.database.write { db in
            try db.execute(sql: """
                INSERT INTO accounts (account_id, company_name, created_at) VALUES
                  (1, 'Acme, Inc.', '2025-01-01'), (2, 'Müller "Bau" GmbH', '2025-02-01'), (3, 'Line
                Break Ltd', '2025-03-01');
                INSERT INTO opportunities (opportunity_id, account_id, stage, owner_user_id, amount, created_at) VALUES
                  (10, 1, 'qualified', 'u1', 1500.5, '2025-12-20'),
                  (11, 2, 'closed_won', 'u2', 9000, '2025-12-01'),
                  (12, 3, 'proposal', 'u1', NULL, '2026-01-02'),
                  (13, 2, NULL, 'u3', 200, '2025-10-01');
                """)
        }
    }

    func export(_ yaml: String) throws -> ExportDefinition {
        let set = try WorkflowLoader(environment: [:]).load(files: [(path: "e.yml", text: yaml)])
        return try #require(set.exports.values.first)
    }

    func runner(_ store: SQLiteJobStore, _ directory: TemporaryDirectory) -> ExportRunner {
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        return ExportRunner(store: store, directory: directory.url, logger: logger)
    }

    @Test func pythonsCSVReaderReadsBackExactlyTheRows() async throws {
        let test = try SQLiteDatabaseTrait.store()
        try await seed(test.store)
        let definition = try export("""
            kind: export
            name: pipeline
            source: opportunities
            columns: [opportunity_id, account.company_name, stage, amount]
            where: { stage: { not_in: [closed_won, closed_lost] } }
            order: [-opportunity_id]
            path: out/{name}-{date}.csv
            """)
        let run = try await runner(test.store, test.directory).run(definition, now: now)
        #expect(run.path == "out/pipeline-2026-01-05.csv")
        #expect(run.rows == 3)
        let rows = try PythonCSV.read(test.directory.url.appendingPathComponent(try #require(run.path)))
        #expect(rows == [
            ["opportunity_id", "account.company_name", "stage", "amount"],
            ["13", "Müller \"Bau\" GmbH", "", "200.0"],
            ["12", "Line\nBreak Ltd", "proposal", ""],
            ["10", "Acme, Inc.", "qualified", "1500.5"],
        ])
        let bytes = try Data(contentsOf: test.directory.url.appendingPathComponent(run.path!))
        #expect(run.bytes == bytes.count)
        #expect(run.sha256?.count == 64)
    }

    @Test func relativeDatesAndRangesFilterAtTheRunsDate() async throws {
        let test = try SQLiteDatabaseTrait.store()
        try await seed(test.store)
        let definition = try export("""
            kind: export
            name: recent
            source: opportunities
            columns: [opportunity_id]
            where: { created_at: { gte: -30d }, amount: { gte: 1000 } }
            """)
        let run = try await runner(test.store, test.directory).run(definition, now: now)
        let rows = try PythonCSV.read(test.directory.url.appendingPathComponent(run.path!))
        #expect(rows == [["opportunity_id"], ["10"]])
    }

    @Test func historyEventsAndRetentionKeepTheNewestFiles() async throws {
        let test = try SQLiteDatabaseTrait.store()
        try await seed(test.store)
        let definition = try export("kind: export\nname: acc\nsource: accounts\ncolumns: [company_name]\npath: acc-{time}.csv\nkeep: 2\n")
        let runner = runner(test.store, test.directory)
        var paths: [String] = []
        for minute in 0..<3 {
            paths.append(try #require(try await runner.run(definition, now: now.addingTimeInterval(Double(minute) * 60)).path))
        }
        let exists = paths.map { FileManager.default.fileExists(atPath: test.directory.url.appendingPathComponent($0).path) }
        #expect(exists == [false, true, true])
        let history = try await test.store.exportHistory(export: "acc", limit: 10)
        #expect(history.map(\.status) == [.completed, .completed, .completed])
        let events = try await test.store.eventsUndispatched(limit: 10)
        #expect(events.map(\.name) == ["export.completed", "export.completed", "export.completed"])
    }

    @Test func retentionNeverDeletesTheFileAKeptRunWrote() async throws {
        let test = try SQLiteDatabaseTrait.store()
        try await seed(test.store)
        let definition = try export("kind: export\nname: fixed\nsource: accounts\ncolumns: [company_name]\npath: fixed.csv\nkeep: 1\n")
        for minute in 0..<3 { _ = try await runner(test.store, test.directory).run(definition, now: now.addingTimeInterval(Double(minute) * 60)) }
        #expect(FileManager.default.fileExists(atPath: test.directory.path("fixed.csv")))
    }

    @Test func orderingByAJoinedColumnJoinsIt() async throws {
        let test = try SQLiteDatabaseTrait.store()
        try await seed(test.store)
        let definition = try export("kind: export\nname: o\nsource: opportunities\ncolumns: [opportunity_id]\norder: [-account.company_name, opportunity_id]\n")
        let run = try await runner(test.store, test.directory).run(definition, now: now)
        #expect(try PythonCSV.read(test.directory.url.appendingPathComponent(run.path!)).map(\.[0]) == ["opportunity_id", "11", "13", "12", "10"])
    }

    @Test func aFailedExportRecordsTheFailureAndLeavesNoPartialFile() async throws {
        let test = try SQLiteDatabaseTrait.store()
        try await seed(test.store)
        // A directory sits where the file should go, so the final rename fails.
        try FileManager.default.createDirectory(at: test.directory.url.appendingPathComponent("blocked.csv"), withIntermediateDirectories: true)
        let definition = try export("kind: export\nname: blocked\nsource: accounts\ncolumns: [company_name]\npath: blocked.csv\n")
        await #expect(throws: (any Error).self) { _ = try await runner(test.store, test.directory).run(definition, now: now) }
        let history = try await test.store.exportHistory(export: "blocked", limit: 10)
        #expect(history.map(\.status) == [.failed])
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: test.directory.url.path).filter { $0.hasSuffix(".partial") }
        #expect(leftovers.isEmpty)
        #expect(try await test.store.eventsUndispatched(limit: 10).map(\.name) == ["export.failed"])
    }
}

/// Reads a CSV file with Python's `csv` module: an independent RFC 4180 reader.
enum PythonCSV {
    static func read(_ file: URL) throws -> [[String]] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import csv,json,sys; print(json.dumps(list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8')))))", file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return try JSONDecoder().decode([[String]].self, from: data)
    }
}

enum ManualClockTime {
    static let start = Date(timeIntervalSince1970: 1_767_603_600)
}
