import Foundation
import GRDB
import StewardCore
import StewardWorkflows

/// The writing half of one attempt at an import: the counters, and the batch step that writes a
/// prepared batch's rows and errors and moves the checkpoint, all in the caller's transaction.
/// A failed transaction leaves the session useless; the next attempt opens a new one from the
/// committed checkpoint. Used by one task at a time.
final class ImportSession: @unchecked Sendable {
    enum State: Equatable { case more, finished(ImportRecord.Status), cancelled }

    struct Problem {
        var field: String?
        var category: ImportErrorRecord.Category
        var message: String
    }

    static let cacheKibibytes = -32768

    let importID: Int64
    let profile: ImportProfileDefinition
    let writer: ImportTargetWriter
    /// Which fields the file has a column for (an update leaves the others alone).
    let present: [Bool]
    private let file: FileHandle
    private(set) var counts: ImportRecord.Counts
    private(set) var checkpointOffset: Int
    /// For a retry: the imports it retries, and the source lines still failing there.
    let retried: [Int64]
    private var pendingLines: Set<Int>
    /// With `on_duplicate: update`: the dedupe keys this attempt wrote, and their lines, so a
    /// second row with the same key is reported rather than updating the row the first wrote.
    private var updatedKeys: [String: Int] = [:]

    init(importID: Int64, profile: ImportProfileDefinition, writer: ImportTargetWriter, present: [Bool], file: FileHandle,
         counts: ImportRecord.Counts, checkpointOffset: Int, retried: [Int64], pendingLines: Set<Int>) {
        self.importID = importID
        self.profile = profile
        self.writer = writer
        self.present = present
        self.file = file
        self.counts = counts
        self.checkpointOffset = checkpointOffset
        self.retried = retried
        self.pendingLines = pendingLines
    }

    deinit { try? file.close() }

    /// Writes `batch`, then records the checkpoint and counters; at the end of the file also the
    /// final status and the `import.completed` event. Honours a cancel request first.
    func write(_ batch: ImportBatchSource.Batch, db: Database, now: Date, recordEvent: (String, String) throws -> Void) throws -> State {
        let current = try Row.fetchOne(db, sql: "SELECT cancel_requested, checkpoint_offset, status FROM imports WHERE id = ?", arguments: [importID])
        // A worker whose lease was lost may still be running while the rescued job resumes
        // elsewhere: whoever finds the checkpoint moved since it last wrote stops, so no batch is
        // written twice.
        guard let current, current[1] == checkpointOffset, current[2] == ImportRecord.Status.processing.rawValue else {
            throw StewardError(.invalidTransition, "import \(importID) moved on without this worker (its job was rescued or it was finished)")
        }
        if current[0] == true {
            try saveCheckpoint(offset: checkpointOffset, line: nil, db: db, now: now, status: .cancelled)
            return .cancelled
        }
        // A large index takes random inserts; with SQLite's 2 MiB default, pages are evicted and
        // rewritten within a batch. 32 MiB took a million-row import from 4.9 s to 3.8 s here.
        // Set per batch (the writer connection is shared); the runner restores it at the end.
        try db.execute(sql: "PRAGMA cache_size = \(Self.cacheKibibytes)")
        let statements = try writer.statements(db)
        for row in batch.rows { try process(row, statements: statements, db: db) }
        checkpointOffset = batch.endOffset
        guard batch.atEnd else {
            try saveCheckpoint(offset: batch.endOffset, line: batch.endLine, db: db, now: now, status: nil)
            return .more
        }
        let status: ImportRecord.Status = counts.failed > 0 ? .completedWithErrors : .completed
        try saveCheckpoint(offset: batch.endOffset, line: batch.endLine, db: db, now: now, status: status)
        try recordEvent("import.completed", try completedPayload(status))
        return .finished(status)
    }

    private func completedPayload(_ status: ImportRecord.Status) throws -> String {
        let payload: [String: Any] = [
            "import": importID, "profile": profile.name, "status": status.rawValue, "rows": counts.processed, "created": counts.created,
            "updated": counts.updated, "skipped": counts.skipped, "failed": counts.failed, "retry_of": retried.first ?? NSNull(),
        ]
        return String(decoding: try JSONSerialization.data(withJSONObject: payload, options: .sortedKeys), as: UTF8.self)
    }

    private func saveCheckpoint(offset: Int, line: Int?, db: Database, now: Date, status: ImportRecord.Status?) throws {
        let statement = try db.cachedStatement(sql: """
            UPDATE imports SET checkpoint_offset = ?, checkpoint_line = coalesce(?, checkpoint_line), processed_rows = ?, created_rows = ?,
                updated_rows = ?, skipped_rows = ?, failed_rows = ?, updated_at = ?, status = coalesce(?, status),
                finished_at = CASE WHEN ? IS NULL THEN finished_at ELSE ? END,
                total_rows = CASE WHEN ? IN ('completed', 'completed_with_errors') THEN ? ELSE total_rows END
            WHERE id = ?
            """)
        let seconds = now.timeIntervalSince1970
        statement.setUncheckedArguments([offset, line, counts.processed, counts.created, counts.updated, counts.skipped, counts.failed,
                                         seconds, status?.rawValue, status?.rawValue, seconds, status?.rawValue, counts.processed, importID])
        try statement.execute()
    }

    // MARK: One row

    private func process(_ row: ImportBatchSource.Row, statements: ImportTargetWriter.Statements, db: Database) throws {
        counts.processed += 1
        let line = row.sourceLine ?? row.line
        if !retried.isEmpty, row.sourceLine == nil {
            // Never matched to an original line by accident: the row is reported as it is.
            return try fail(row, line: line, [Problem(field: ImportColumns.sourceLineHeader, category: .malformedRow,
                                                      message: "__line is empty or not a line number (keep the __line of the error report's row)")], db: db)
        }
        if !retried.isEmpty, !pendingLines.contains(line) {
            counts.skipped += 1  // a row of a corrected file that had not failed
            return
        }
        switch row.content {
        case let .problems(problems): return try fail(row, line: line, problems, db: db)
        case let .values(values):
            let key = profile.onDuplicate == .update ? writer.dedupeKey(values) : nil
            if let key, let earlier = updatedKeys[key] {
                return try fail(row, line: line, [Problem(field: profile.dedupeKey.joined(separator: "+"), category: .duplicate,
                                                          message: "\(profile.dedupeKey.joined(separator: "+")) '\(key)' is also on line \(earlier) of this file (merge the two rows)")], db: db)
            }
            let present = row.filled.isEmpty ? self.present : zip(self.present, row.filled).map { $0 && $1 }
            do {
                let outcome = try writer.write(values, present: present, statements: statements, db: db)
                if let key, outcome == .created || outcome == .updated { updatedKeys[key] = line }
                try record(outcome, row: row, line: line, db: db)
            } catch let error as DatabaseError where Self.isRowError(error) {
                // Some errors (e.g. a trigger's RAISE(ROLLBACK)) end the transaction: the batch is lost.
                guard db.isInsideTransaction else { throw error }
                try fail(row, line: line, [Problem(field: nil, category: .databaseError, message: "the database refused the row: \(error.message ?? "\(error.resultCode)")")], db: db)
            }
        }
    }

    private func record(_ outcome: ImportTargetWriter.Outcome, row: ImportBatchSource.Row, line: Int, db: Database) throws {
        switch outcome {
        case .created: counts.created += 1
        case .updated: counts.updated += 1
        case .skipped: counts.skipped += 1
        case let .duplicate(message):
            return try fail(row, line: line, [Problem(field: profile.dedupeKey.joined(separator: "+"), category: .duplicate, message: message)], db: db)
        case let .missingReference(field, message):
            return try fail(row, line: line, [Problem(field: field, category: .referenceNotFound, message: message)], db: db)
        }
        try resolve(line: line, db: db)
    }

    /// Constraint and type errors belong to the row; anything else (busy, I/O) fails the batch.
    private static func isRowError(_ error: DatabaseError) -> Bool {
        [.SQLITE_CONSTRAINT, .SQLITE_MISMATCH, .SQLITE_TOOBIG, .SQLITE_RANGE].contains(error.resultCode)
    }

    private func fail(_ row: ImportBatchSource.Row, line: Int, _ problems: [Problem], db: Database) throws {
        counts.failed += 1
        var raw = try originalBytes(row.raw)
        if row.rawWrapped { raw = raw.withUnsafeBytes { Data(CSVText.unescaped($0.bindMemory(to: UInt8.self))) } }
        let statement = try db.cachedStatement(sql: """
            INSERT INTO import_errors (import_id, line, field, category, message, raw) VALUES (?, ?, ?, ?, ?, ?)
            """)
        for problem in problems {
            statement.setUncheckedArguments([importID, line, problem.field, problem.category.rawValue, problem.message, raw])
            try statement.execute()
        }
    }

    /// A failed record's bytes, read back from the stored file (failures are rare, so rows do
    /// not carry copies of their bytes).
    private func originalBytes(_ range: Range<Int>) throws -> Data {
        try file.seek(toOffset: UInt64(range.lowerBound))
        return try file.read(upToCount: range.count) ?? Data()
    }

    private func resolve(line: Int, db: Database) throws {
        guard !retried.isEmpty else { return }
        pendingLines.remove(line)
        try db.execute(sql: """
            UPDATE import_errors SET resolved = 1, resolution = 'retried', resolved_by_import_id = ?
            WHERE line = ? AND resolved = 0 AND import_id IN (\(retried.map(String.init).joined(separator: ",")))
            """, arguments: [importID, line])
    }
}
