import Foundation
import StewardApp
import StewardCRM
import GRDB
import StewardCore
import StewardSQLite
import StewardTesting
import Testing

/// Imports worked by real `steward run` processes: one killed with SIGKILL mid-import and
/// restarted, and one cancelled from another process while it works.
@Suite("Import processes", .serialized)
struct ImportProcessTests {
    static let rows = 20_000
    /// Every 97th row has a bad email.
    static func isBad(_ index: Int) -> Bool { index % 97 == 0 }

    /// A targets file: row `i` is on physical line `i + 1`.
    func writeTargets(_ test: SQLiteTestStore) throws -> URL {
        var text = "Company,Contact,Email,Phone\n"
        for index in 1...Self.rows {
            text += "\"Company \(index), Ltd.\",Person \(index),\(Self.isBad(index) ? "broken-\(index)" : "p\(index)@example.com"),030 \(1_000_000 + index)\n"
        }
        let url = test.directory.url.appendingPathComponent("targets.csv")
        try Data(text.utf8).write(to: url)
        return url
    }

    func submit(_ test: SQLiteTestStore, batchSize: Int) async throws -> Int64 {
        let file = try writeTargets(test)
        let profiles = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/imports/profiles").path
        let result = await steward("import", file.path, "--profile", "prospecting-targets", "--workflows", profiles,
                                   "--batch-size", String(batchSize), "--database", test.path)
        #expect(result.code == 0, "\(result.error)")
        return try #require(Int64(result.output.split(separator: ":")[0].dropFirst("import ".count)))
    }

    func counts(_ test: SQLiteTestStore, _ id: Int64) async throws -> (status: String, processed: Int, targets: Int, distinct: Int, errors: Int, errorLines: Int) {
        try await test.store.database.read { db in
            let row = try #require(try Row.fetchOne(db, sql: "SELECT status, processed_rows FROM imports WHERE id = ?", arguments: [id]))
            return (row[0], row[1],
                    try Int.fetchOne(db, sql: "SELECT count(*) FROM prospecting_targets") ?? 0,
                    try Int.fetchOne(db, sql: "SELECT count(DISTINCT email) FROM prospecting_targets") ?? 0,
                    try Int.fetchOne(db, sql: "SELECT count(*) FROM import_errors WHERE import_id = ?", arguments: [id]) ?? 0,
                    try Int.fetchOne(db, sql: "SELECT count(DISTINCT line) FROM import_errors WHERE import_id = ?", arguments: [id]) ?? 0)
        }
    }

    @Test func aKilledImportResumesFromItsCheckpointWithNoRowLostOrTwice() async throws {
        try await SQLiteTestStore.with(schema: StewardStore.schema) { test in
            let id = try await submit(test, batchSize: 10)
            let arguments = ["run", "--queue", "imports=1", "--log-level", "debug", "--database", test.path]
            let worker = try ChildProcess(arguments, in: test.directory.url)
            #expect(await worker.waitForLog(containing: "import checkpoint"), "\(worker.standardError)")
            worker.send(SIGKILL)
            #expect(await worker.waitForExit() == SIGKILL)

            let killed = try await counts(test, id)
            #expect(killed.status == "processing")
            #expect(killed.processed > 0 && killed.processed < Self.rows, "killed mid-import")
            #expect(killed.targets + killed.errors == killed.processed, "rows, errors and checkpoint committed together")

            // Time passes past the dead worker's lease (set directly instead of waiting 30 s);
            // the next worker's rescuer hands the job back and it resumes at the checkpoint.
            try await test.store.database.write { db in try db.execute(sql: "UPDATE jobs SET lease_expires_at = 0 WHERE state = 'running'") }
            let rerun = try ChildProcess(["run", "--drain", "--queue", "imports=1", "--log-level", "info", "--database", test.path], in: test.directory.url)
            #expect(await rerun.waitForExit() == 0, "\(rerun.standardError)")
            #expect(rerun.standardError.contains("import started") && !rerun.standardError.contains("line=1 "), "resumed, not restarted: \(rerun.standardError)")

            let bad = (1...Self.rows).filter(Self.isBad).count
            let done = try await counts(test, id)
            #expect(done.status == "completed_with_errors")
            #expect(done.processed == Self.rows)
            #expect(done.targets == Self.rows - bad)
            #expect(done.distinct == Self.rows - bad)
            #expect(done.errors == bad)
            #expect(done.errorLines == bad, "no error recorded twice")
            let sample = try await test.store.database.read { db in
                try Row.fetchAll(db, sql: "SELECT company_name, email, phone FROM prospecting_targets WHERE email IN ('p1@example.com', 'p20000@example.com')")
                    .map { "\($0[0] as String)|\($0[1] as String)|\($0[2] as String)" }
            }
            #expect(sample == ["Company 1, Ltd.|p1@example.com|+49301000001", "Company 20000, Ltd.|p20000@example.com|+49301020000"])
            let lines = try await test.store.database.read { db in try Int.fetchAll(db, sql: "SELECT line FROM import_errors ORDER BY line") }
            #expect(lines == (1...Self.rows).filter(Self.isBad).map { $0 + 1 })
        }
    }

    @Test func aCancelFromAnotherProcessStopsTheRunningImport() async throws {
        try await SQLiteTestStore.with(schema: StewardStore.schema) { test in
            let id = try await submit(test, batchSize: 10)
            let worker = try ChildProcess(["run", "--queue", "imports=1", "--log-level", "debug", "--database", test.path], in: test.directory.url)
            #expect(await worker.waitForLog(containing: "import checkpoint"), "\(worker.standardError)")
            let cancel = await steward("imports", "cancel", String(id), "--database", test.path)
            // The worker may see the request and stop before the command has printed.
            #expect(cancel.output.contains("cancel requested") || cancel.output.contains("import \(id) is cancelled"), "\(cancel.error)")
            #expect(await worker.waitForLog(containing: "import cancelled"), "\(worker.standardError)")
            worker.send(SIGTERM)
            #expect(await worker.waitForExit() == 0)

            let stopped = try await counts(test, id)
            #expect(stopped.status == "cancelled")
            #expect(stopped.processed < Self.rows)
            #expect(stopped.targets + stopped.errors == stopped.processed, "the committed rows stay, and the counts say which")
            let job = try await test.store.database.read { db in try String.fetchOne(db, sql: "SELECT state FROM jobs WHERE kind = 'import'") }
            #expect(job == "completed")
        }
    }
}
