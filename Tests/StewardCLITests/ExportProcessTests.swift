import Foundation
import StewardApp
import StewardCRM
import GRDB
import StewardCore
import StewardSQLite
import StewardTesting
import Testing

@Suite("Export processes", .serialized)
struct ExportProcessTests {
    @Test func aKilledExportLeavesNoFileAndTheNextRunCleansUp() async throws {
        try await SQLiteTestStore.with(schema: StewardStore.schema) { test in
            try await test.store.database.write { db in
                try db.execute(sql: """
                    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000000)
                    INSERT INTO accounts (account_id, company_name, created_at) SELECT i, 'Company ' || i, '2025-01-01' FROM n
                    """)
            }
            let workflows = test.directory.url.appendingPathComponent("wf")
            try FileManager.default.createDirectory(at: workflows, withIntermediateDirectories: true)
            try "kind: export\nname: all\nsource: accounts\ncolumns: [account_id, company_name]\npath: all.csv\n"
                .write(to: workflows.appendingPathComponent("e.yml"), atomically: true, encoding: .utf8)
            let arguments = ["exports", "run", "all", "--workflows", "wf", "--exports-dir", "out", "--database", test.path]
            let worker = try ChildProcess(arguments, in: test.directory.url)
            #expect(await worker.waitForLog(containing: "export started"), "\(worker.standardError)")
            worker.send(SIGKILL)
            #expect(await worker.waitForExit() == SIGKILL)
            let out = test.directory.url.appendingPathComponent("out")
            #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("all.csv").path), "no half-written file under the real name")

            let rerun = try ChildProcess(arguments, in: test.directory.url)
            #expect(await rerun.waitForExit() == 0, "\(rerun.standardError)")
            #expect(rerun.standardOutput.contains("1000000 rows"))
            let files = try FileManager.default.contentsOfDirectory(atPath: out.path)
            #expect(files == ["all.csv"], "the killed run's partial file is gone")
        }
    }
}
