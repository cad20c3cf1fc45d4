import Foundation
import Logging
import StewardCore
import StewardCRM
import StewardSQLite
import StewardWorkflows

/// The demo's export: a few accounts and opportunities, exported the way the shipped weekly
/// pipeline export does it, to show where the file goes and what the run recorded.
enum DemoExport {
    static let definition = """
        kind: export
        name: demo-pipeline
        source: opportunities
        columns: [opportunity_id, account.company_name, stage, owner_user_id, amount]
        where: { stage: { not_in: [closed_won, closed_lost] } }
        order: [owner_user_id, -amount]
        path: demo-pipeline-{date}.csv
        """

    static func run(store: SQLiteJobStore, now: Date) async throws -> String {
        try await CRMDemoData.seedPipeline(store)
        let export = try WorkflowLoader(environment: [:]).load(files: [(path: "demo.yml", text: definition)]).exports["demo-pipeline"]
        guard let export else { return "" }
        var logger = Logger(label: "steward.demo")
        logger.logLevel = .critical
        // Beside the demo database, so demos on different files never share an export folder.
        let directory = URL(fileURLWithPath: store.path).deletingLastPathComponent().appendingPathComponent("steward-demo-exports")
        let run = try await ExportRunner(store: store, directory: directory, logger: logger).run(export, now: now)
        let path = directory.appendingPathComponent(run.path ?? "").path
        let preview = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        return "Export: open pipeline (\(run.rows ?? 0) rows, \(run.bytes ?? 0) bytes) written to \(path):\n"
            + preview.replacingOccurrences(of: "\r\n", with: "\n")
    }
}
