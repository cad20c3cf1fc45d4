public import Foundation
import GRDB
import GRDBSQLite
public import Logging
public import StewardCore
public import StewardSQLite
public import StewardWorkflows

/// Runs an export: streams the query into a partial file, renames it into place, records the run
/// (rows, bytes, SHA-256) with an `export.completed` event in one transaction, and deletes files
/// beyond `keep`. A failure removes the partial file and records `export.failed`.
public struct ExportRunner: Sendable {
    public let store: SQLiteJobStore
    public let directory: URL
    public let clock: any JobClock
    public let logger: Logger

    public init(store: SQLiteJobStore, directory: URL, clock: any JobClock = SystemClock(), logger: Logger) {
        self.store = store
        self.directory = directory
        self.clock = clock
        self.logger = logger
    }

    public func run(_ export: ExportDefinition, now: Date, jobID: JobID? = nil) async throws -> ExportRun {
        let paths = ExportPaths(directory: directory)
        let relative = paths.relativePath(for: export, at: now)
        let final = try paths.file(relative)
        let runID = try await ExportRunRecords.start(export.name, jobID: jobID, now: now, store: store)
        let partial = paths.partial(for: final, run: runID)
        do {
            try paths.createFolder(of: final)
            try paths.checkResolved(final)
            paths.removeStalePartials(of: final)
            logger.info("export started", metadata: ["export": "\(export.name)", "run": "\(runID)", "partial": "\(partial.path)"])
            let written = try await write(export, to: partial, runDate: now)
            try AtomicFile.move(partial, replacing: final)
            let run = try await ExportRunRecords.complete(runID, export: export.name, path: relative, written: written, now: clock.now(), store: store)
            await prune(export, keeping: relative, paths: paths)
            return run
        } catch {
            try? FileManager.default.removeItem(at: partial)
            try await ExportRunRecords.fail(runID, export: export.name, error: "\(error)", now: clock.now(), store: store)
            throw error
        }
    }

    struct Written { var rows: Int; var bytes: Int; var sha256: String }

    /// Streams inside one read transaction: a consistent snapshot, however long the file takes.
    private func write(_ export: ExportDefinition, to file: URL, runDate: Date) async throws -> Written {
        let query = ExportQuery(export, runDate: runDate)
        let path = file.path
        return try await store.database.read { db in
            let writer = try CSVWriter(path: path)
            do {
                try writer.writeRow(query.headers)
                let statement = try db.makeStatement(sql: query.sql)
                try statement.setArguments(query.arguments)
                let rows = try SQLiteRows.forEach(statement) { try writer.writeCurrentRow(of: statement.sqliteStatement, columns: Int32(statement.columnCount)) }
                let sha256 = try writer.finish()
                return Written(rows: rows, bytes: writer.bytes, sha256: sha256)
            } catch {
                writer.abandon()
                throw error
            }
        }
    }

    /// Keeps the newest `keep` runs' files; older runs are marked pruned and their files deleted,
    /// unless a kept run (or this one) wrote to the same path. A failure here is logged, never
    /// turned into a failed export: the file is already written and recorded.
    private func prune(_ export: ExportDefinition, keeping current: String, paths: ExportPaths) async {
        do {
            let (old, keptPaths) = try await ExportRunRecords.beyondKeep(export.name, keep: export.keep, store: store)
            for run in old {
                try await ExportRunRecords.markPruned(run.id, store: store)
                guard run.path != current, !keptPaths.contains(run.path) else { continue }
                do { try FileManager.default.removeItem(at: try paths.file(run.path)) } catch CocoaError.fileNoSuchFile {}
            }
        } catch {
            logger.error("could not delete old export files", metadata: ["export": "\(export.name)", "error": "\(error)"])
        }
    }
}
