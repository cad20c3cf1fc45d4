import Foundation
import GRDB
import StewardCore
import StewardWorkflows

/// One attempt at an import: the file positioned at the last checkpoint, the header mapping, the
/// counters, and the batch step that reads records, writes rows and errors, and moves the
/// checkpoint, all in the caller's transaction. A failed transaction leaves the session useless
/// (the reader has moved on); the next attempt opens a new one from the committed checkpoint.
/// Used by one task at a time.
final class ImportSession: @unchecked Sendable {
    enum State: Equatable { case more, finished(ImportRecord.Status), cancelled }

    let importID: Int64
    let profile: ImportProfileDefinition
    private let fields: ContiguousArray<ImportProfileDefinition.Field>
    let reader: CSVReader
    let columns: ImportColumns
    let writer: ImportTargetWriter
    private(set) var counts: ImportRecord.Counts
    /// Columns before the original ones in a retry file (`__line`, `__error_code` …).
    let prefixColumns: Int
    /// For a retry: the imports it retries, and the source lines still failing there.
    let retried: [Int64]
    private var pendingLines: Set<Int>

    init(importID: Int64, profile: ImportProfileDefinition, reader: CSVReader, columns: ImportColumns, writer: ImportTargetWriter,
         counts: ImportRecord.Counts, prefixColumns: Int, retried: [Int64], pendingLines: Set<Int>) {
        self.importID = importID
        self.profile = profile
        fields = ContiguousArray(profile.fields)
        self.reader = reader
        self.columns = columns
        self.writer = writer
        self.counts = counts
        self.prefixColumns = prefixColumns
        self.retried = retried
        self.pendingLines = pendingLines
    }

    /// Reads up to `size` records, then records the checkpoint and counters; at the end of the
    /// file also the final status and the `import.completed` event. Honours a cancel request.
    func runBatch(size: Int, db: Database, now: Date, recordEvent: (String, String) throws -> Void) throws -> State {
        if try Bool.fetchOne(db, sql: "SELECT cancel_requested FROM imports WHERE id = ?", arguments: [importID]) == true {
            try saveCheckpoint(db: db, now: now, status: .cancelled)
            return .cancelled
        }
        let statements = try writer.statements(db)
        var read = 0
        while read < size, try reader.next() {
            try process(statements: statements, db: db)
            read += 1
        }
        guard read == size else { return try finish(db: db, now: now, recordEvent: recordEvent) }
        try saveCheckpoint(db: db, now: now, status: nil)
        return .more
    }

    private func finish(db: Database, now: Date, recordEvent: (String, String) throws -> Void) throws -> State {
        let status: ImportRecord.Status = counts.failed > 0 ? .completedWithErrors : .completed
        try saveCheckpoint(db: db, now: now, status: status)
        let payload: [String: Any] = [
            "import": importID, "profile": profile.name, "status": status.rawValue, "rows": counts.processed, "created": counts.created,
            "updated": counts.updated, "skipped": counts.skipped, "failed": counts.failed, "retry_of": retried.first ?? NSNull(),
        ]
        try recordEvent("import.completed", String(decoding: try JSONSerialization.data(withJSONObject: payload, options: .sortedKeys), as: UTF8.self))
        return .finished(status)
    }

    private func saveCheckpoint(db: Database, now: Date, status: ImportRecord.Status?) throws {
        let statement = try db.cachedStatement(sql: """
            UPDATE imports SET checkpoint_offset = ?, checkpoint_line = ?, processed_rows = ?, created_rows = ?, updated_rows = ?,
                skipped_rows = ?, failed_rows = ?, updated_at = ?, status = coalesce(?, status),
                finished_at = CASE WHEN ? IS NULL THEN finished_at ELSE ? END,
                total_rows = CASE WHEN ? IN ('completed', 'completed_with_errors') THEN ? ELSE total_rows END
            WHERE id = ?
            """)
        let seconds = now.timeIntervalSince1970
        statement.setUncheckedArguments([reader.nextOffset, reader.nextLine, counts.processed, counts.created, counts.updated, counts.skipped,
                                         counts.failed, seconds, status?.rawValue, status?.rawValue, seconds, status?.rawValue, counts.processed, importID])
        try statement.execute()
    }

    // MARK: One record

    private func process(statements: ImportTargetWriter.Statements, db: Database) throws {
        counts.processed += 1
        let line = sourceLine() ?? reader.record.line
        if !retried.isEmpty, !pendingLines.contains(line) {
            counts.skipped += 1  // a row of a corrected file that had not failed
            return
        }
        if let problem = shapeProblem() { return try fail(line: line, [(nil, .malformedRow, problem)], db: db) }
        let (values, present, problems) = convert()
        if !problems.isEmpty { return try fail(line: line, problems.map { ($0.0, .validation, $0.1) }, db: db) }
        do {
            try record(try writer.write(values, present: present, statements: statements, db: db), line: line, db: db)
        } catch let error as DatabaseError where Self.isRowError(error) {
            try fail(line: line, [(nil, .databaseError, "the database refused the row: \(error.message ?? "\(error.resultCode)")")], db: db)
        }
    }

    private func record(_ outcome: ImportTargetWriter.Outcome, line: Int, db: Database) throws {
        switch outcome {
        case .created: counts.created += 1
        case .updated: counts.updated += 1
        case .skipped: counts.skipped += 1
        case let .duplicate(message):
            return try fail(line: line, [(profile.dedupeKey.joined(separator: "+"), .duplicate, message)], db: db)
        case let .missingReference(field, message): return try fail(line: line, [(field, .referenceNotFound, message)], db: db)
        }
        try resolve(line: line, db: db)
    }

    /// Constraint and type errors belong to the row; anything else (busy, I/O) fails the batch.
    private static func isRowError(_ error: DatabaseError) -> Bool {
        [.SQLITE_CONSTRAINT, .SQLITE_MISMATCH, .SQLITE_TOOBIG, .SQLITE_RANGE].contains(error.resultCode)
    }

    private func shapeProblem() -> String? {
        if let problem = reader.record.problem { return problem }
        guard reader.record.fields.count != columns.headerCount else { return nil }
        // Counted without a retry file's `__…` columns, so the message reads as it did first.
        let count = max(0, reader.record.fields.count - prefixColumns), expected = columns.headerCount - prefixColumns
        return "the row has \(count) field\(count == 1 ? "" : "s") but the header has \(expected) (a missing or extra delimiter, or an unquoted \(Self.delimiterName(reader.delimiter)) inside a value?)"
    }

    static func delimiterName(_ byte: UInt8) -> String {
        switch byte {
        case UInt8(ascii: "\t"): "tab"
        case UInt8(ascii: ";"): "semicolon"
        case UInt8(ascii: "|"): "pipe"
        default: "comma"
        }
    }

    private func convert() -> (values: [DatabaseValue], present: [Bool], problems: [(String, String)]) {
        var values: [DatabaseValue] = [], present: [Bool] = [], problems: [(String, String)] = []
        values.reserveCapacity(fields.count)
        present.reserveCapacity(fields.count)
        // A local array and indices, not `zip` over the property: that copied each Field (and
        // retained its strings) for every value.
        let fields = self.fields
        for index in fields.indices {
            let column = columns.fieldColumns[index]
            present.append(column != nil)
            let text = column.map { reader.text($0, latin1: profile.latin1Fallback) }
            if case .some(.none) = text {
                let name = fields[index].name
                problems.append((name, "\(name) is not valid UTF-8 (save the file as UTF-8, or set latin1_fallback: true in the profile)"))
                values.append(.null)
                continue
            }
            switch FieldValue.convert(text ?? nil, fields[index]) {
            case let .success(value): values.append(value)
            case let .failure(problem):
                problems.append((fields[index].name, problem.message))
                values.append(.null)
            }
        }
        return (values, present, problems)
    }

    private func fail(line: Int, _ problems: [(field: String?, category: ImportErrorRecord.Category, message: String)], db: Database) throws {
        counts.failed += 1
        let raw = Data(originalBytes())
        let statement = try db.cachedStatement(sql: """
            INSERT INTO import_errors (import_id, line, field, category, message, raw) VALUES (?, ?, ?, ?, ?, ?)
            """)
        for problem in problems {
            statement.setUncheckedArguments([importID, line, problem.field, problem.category.rawValue, problem.message, raw])
            try statement.execute()
        }
    }

    // MARK: Retries

    /// In a retry file, the `__line` column says which line of the first file a record was.
    private func sourceLine() -> Int? {
        guard let column = columns.sourceLineColumn, column < reader.record.fields.count else { return nil }
        return reader.text(column, latin1: true).flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
    }

    /// The record's bytes without the `__…` columns a retry file puts in front of them.
    private func originalBytes() -> [UInt8] {
        let raw = reader.rawRecord
        guard prefixColumns > 0, reader.record.fields.count > prefixColumns else { return raw }
        var start = reader.record.fields[prefixColumns].start - reader.record.raw.lowerBound
        if start > 0, raw[start - 1] == CSVScanner.quote { start -= 1 }
        return Array(raw[start...])
    }

    private func resolve(line: Int, db: Database) throws {
        guard !retried.isEmpty else { return }
        pendingLines.remove(line)
        try db.execute(sql: """
            UPDATE import_errors SET resolved = 1, resolved_by_import_id = ?
            WHERE line = ? AND resolved = 0 AND import_id IN (\(retried.map(String.init).joined(separator: ",")))
            """, arguments: [importID, line])
    }
}
