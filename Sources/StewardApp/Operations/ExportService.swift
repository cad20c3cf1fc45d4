public import Foundation
import GRDB
public import StewardCore
public import StewardCRM
public import StewardSQLite
public import StewardWorkflows

/// An export definition with its schedule and latest run.
public struct ExportStatus: Sendable {
    public var definition: ExportDefinition
    public var next: Date?
    public var lastRun: ExportRun?
}

/// Exports for people: what is defined and when it runs next, running one now (as a job),
/// past runs, and a run's file.
public struct ExportService: Sendable {
    public let store: SQLiteJobStore
    public let clock: any JobClock
    public let workflows: WorkflowSet
    public let directory: URL

    public init(store: SQLiteJobStore, clock: any JobClock, workflows: WorkflowSet, directory: URL) {
        self.store = store
        self.clock = clock
        self.workflows = workflows
        self.directory = directory
    }

    public func list() async throws -> [ExportStatus] {
        let now = clock.now()
        var statuses: [ExportStatus] = []
        for definition in workflows.exports.values.sorted(by: { $0.name < $1.name }) {
            let next = ExportKind.scheduledJob(definition)?.schedule.nextFireDate(after: now)
            statuses.append(ExportStatus(definition: definition, next: next,
                                         lastRun: try await store.exportHistory(ExportHistoryParams(export: definition.name, limit: 1)).first))
        }
        return statuses
    }

    /// Enqueues an `export` job for the definition now, audited; the workers write the file.
    public func runNow(_ name: String, by actor: String, requestID: String? = nil) async throws -> Job {
        _ = try definition(name)
        let now = clock.now()
        let job = NewJob(kind: ExportKind.name, queue: "exports").addingArguments(["export": name])
        return try await store.database.write { [store] db in
            let inserted = try store.enqueue([job], in: db, now: now)[0].job
            try CRMAudit.record("export.run_requested", entity: "export", id: nil, details: ["export": name, "job": String(inserted.id)],
                                actor: actor, requestID: requestID, db: db, now: now)
            return inserted
        }
    }

    public func history(_ params: ExportHistoryParams) async throws -> [ExportRun] {
        try await store.exportHistory(params)
    }

    /// A completed run's file, still on disk: its run (with size and SHA-256) and path.
    public func file(run id: Int64) async throws -> (run: ExportRun, url: URL) {
        let run = try await store.exportRun(id: id)
        guard run.status == .completed, let path = run.path else {
            throw StewardError(.invalidTransition, "export run \(id) is \(run.status.rawValue) and has no file", fix: "download a completed run")
        }
        let url = directory.appendingPathComponent(path)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw StewardError(.exportFileNotFound, "the file of export run \(id) is no longer on disk (removed by its export's `keep`)",
                               fix: "run the export again")
        }
        return (run, url)
    }

    func definition(_ name: String) throws -> ExportDefinition {
        guard let definition = workflows.exports[name] else {
            throw StewardError(.exportNotFound, "no export named '\(name)'",
                               fix: "the exports are \(workflows.exports.keys.sorted().joined(separator: ", "))")
        }
        return definition
    }
}

extension StewardError.Code {
    public static let exportNotFound = Self(rawValue: "export_not_found")
    public static let exportFileNotFound = Self(rawValue: "export_file_not_found")
}
