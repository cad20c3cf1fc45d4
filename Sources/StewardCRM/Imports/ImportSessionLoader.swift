import Foundation
import GRDB
import StewardCore
import StewardSQLite
import StewardWorkflows

/// Opens an import where its last checkpoint left it: reads the stored profile, checks the file's
/// encoding, reads and maps its header, and positions the reader at the checkpoint. Problems with
/// the file itself are `StewardError`s that fail the import for good.
enum ImportSessionLoader {
    struct Loaded {
        var record: ImportRecord
        var profile: ImportProfileDefinition
    }

    /// Marks the import processing; nil when there is nothing to do (finished, or cancelled now).
    static func begin(_ id: Int64, jobID: Int64?, store: SQLiteJobStore, now: Date) async throws -> Loaded? {
        try await store.database.write { db in
            let record = try ImportRecords.fetch(id, db: db)
            guard !record.status.isFinal else { return nil }
            if record.cancelRequested {
                try db.execute(sql: "UPDATE imports SET status = 'cancelled', finished_at = ? WHERE id = ?", arguments: [now.timeIntervalSince1970, id])
                return nil
            }
            try db.execute(sql: """
                UPDATE imports SET status = 'processing', started_at = coalesce(started_at, ?), updated_at = ?, job_id = coalesce(?, job_id) WHERE id = ?
                """, arguments: [now.timeIntervalSince1970, now.timeIntervalSince1970, jobID, id])
            let profile = try JSONDecoder().decode(ImportProfileDefinition.self, from: Data(try ImportRecords.profileJSON(id, db: db).utf8))
            return Loaded(record: try ImportRecords.fetch(id, db: db), profile: profile)
        }
    }

    static func open(_ loaded: Loaded, store: SQLiteJobStore, now: Date) async throws -> (ImportBatchSource, ImportSession) {
        let record = loaded.record, profile = loaded.profile
        let header = try ImportFileHeader.read(path: record.storedPath, fileName: record.fileName, profile: profile)
        let (start, headerReader, headers) = (header.start, header.reader, header.headers)
        let columns = try ImportColumns(headers: headers, profile: profile, fileName: record.fileName)
        let prefix = headers.prefix { $0.hasPrefix("__") }.count
        let atStart = record.checkpointOffset == 0
        let reader = atStart ? headerReader
            : try CSVReader(path: record.storedPath, delimiter: start.delimiter, offset: record.checkpointOffset, line: record.checkpointLine)
        let retried = try await retryState(record, store: store, header: originalHeader(headerReader, prefix: prefix), delimiter: start.delimiter)
        guard let file = FileHandle(forReadingAtPath: record.storedPath) else { throw CocoaError(.fileReadNoSuchFile) }
        let source = ImportBatchSource(reader: reader, columns: columns, profile: profile, prefixColumns: prefix, windows1252: header.windows1252)
        let session = ImportSession(importID: record.id, profile: profile, writer: ImportTargetWriter(profile: profile, today: ExportDates.day(now)),
                                    present: columns.fieldColumns.map { $0 != nil }, file: file, counts: record.counts,
                                    checkpointOffset: record.checkpointOffset, retried: retried.lineage, pendingLines: retried.pending)
        return (source, session)
    }

    /// The header as the user's first file had it: without a retry file's `__…` columns.
    private static func originalHeader(_ reader: CSVReader, prefix: Int) -> [UInt8] {
        let raw = reader.rawRecord
        guard prefix > 0, reader.record.fields.count > prefix else { return raw }
        var start = reader.record.fields[prefix].start - reader.record.raw.lowerBound
        if start > 0, raw[start - 1] == CSVScanner.quote { start -= 1 }
        return Array(raw[start...])
    }

    /// Saves the header and delimiter (for error reports); for a retry, loads which imports it
    /// retries and which of their lines still fail.
    private static func retryState(_ record: ImportRecord, store: SQLiteJobStore, header: [UInt8], delimiter: UInt8) async throws -> (lineage: [Int64], pending: Set<Int>) {
        try await store.database.write { db in
            try db.execute(sql: "UPDATE imports SET header = ?, delimiter = ? WHERE id = ?",
                           arguments: [Data(header), String(UnicodeScalar(delimiter)), record.id])
            guard let parent = record.parentID else { return ([], []) }
            let lineage = try ImportRecords.lineage(parent, db: db)
            let pending = try Int.fetchAll(db, sql: "SELECT DISTINCT line FROM import_errors WHERE import_id = ? AND resolved = 0", arguments: [parent])
            return (lineage, Set(pending))
        }
    }
}

extension ImportProfileDefinition.Delimiter {
    /// The delimiter's byte; nil for `auto` (sniffed from the header line).
    var byte: UInt8? {
        switch self {
        case .auto: nil
        case .comma: UInt8(ascii: ",")
        case .semicolon: UInt8(ascii: ";")
        case .tab: UInt8(ascii: "\t")
        case .pipe: UInt8(ascii: "|")
        }
    }
}
