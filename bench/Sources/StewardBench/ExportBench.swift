import Foundation
import GRDB
import Logging
import StewardCore
import StewardCRM
import StewardSQLite
import StewardWorkflows

/// Seeds 1.5 × N opportunities (two thirds pass the filter, so N rows are exported) over N/10
/// accounts, then times the export runner on a pipeline export
/// (one join, one filter, ordered). Prints the same query as plain SQL for `sqlite3 -csv`.
struct ExportBench {
    let options: BenchOptions

    static let definition = """
        kind: export
        name: pipeline
        source: opportunities
        columns: [opportunity_id, account.company_name, stage, owner_user_id, amount]
        where: { stage: { not_in: [closed_won, closed_lost] } }
        order: [opportunity_id]
        path: pipeline.csv
        """

    /// What `ExportQuery` builds for the definition above, with the values written in.
    static let equivalentSQL = """
        SELECT opportunities.opportunity_id, account.company_name, opportunities.stage, opportunities.owner_user_id, \
        opportunities.amount FROM opportunities LEFT JOIN accounts AS account ON account.account_id = opportunities.account_id \
        WHERE (opportunities.stage IS NULL OR opportunities.stage NOT IN ('closed_won','closed_lost')) ORDER BY opportunities.opportunity_id
        """

    func run() async throws -> [String: Any] {
        let directory = URL(fileURLWithPath: options.directory)
        try? FileManager.default.removeItem(at: directory)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let store = try SQLiteJobStore.open(path: options.database, options: SQLiteStoreOptions(schema: CRMSchema.migrations))
        try await seed(store)
        let export = try WorkflowLoader(environment: [:]).load(files: [(path: "bench.yml", text: Self.definition)]).exports["pipeline"]!
        var logger = Logger(label: "bench")
        logger.logLevel = .error
        let start = ContinuousClock.now
        let run = try await ExportRunner(store: store, directory: directory, logger: logger).run(export, now: Date())
        let seconds = (ContinuousClock.now - start).timeInterval
        return ["rows": run.rows ?? 0, "bytes": run.bytes ?? 0, "seconds": (seconds * 1000).rounded() / 1000,
                "rows_per_s": Int(Double(run.rows ?? 0) / seconds), "file": directory.appendingPathComponent("pipeline.csv").path,
                "sql": Self.equivalentSQL]
    }

    private func seed(_ store: SQLiteJobStore) async throws {
        let stages = ["new", "qualified", "proposal", "negotiation", "closed_won", "closed_lost"]
        try await store.database.write { [rows = options.rows] db in
            try db.execute(sql: """
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
                INSERT INTO accounts (account_id, company_name, created_at)
                SELECT i, 'Company ' || i || CASE WHEN i % 7 = 0 THEN ', "Holding"' ELSE '' END, '2025-01-01' FROM n
                """, arguments: [max(rows / 10, 1)])
            try db.execute(sql: """
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
                INSERT INTO opportunities (opportunity_id, account_id, stage, owner_user_id, amount, created_at)
                SELECT i, 1 + i % ?, json_extract(?, '$[' || (i % 6) || ']'), 'u' || (i % 25), (i % 1000) * 10.5, '2025-06-01' FROM n
                """, arguments: [rows * 3 / 2, max(rows / 10, 1), "[\"" + stages.joined(separator: "\",\"") + "\"]"])
        }
    }
}
