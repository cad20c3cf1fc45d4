public import Foundation
import GRDB
import StewardCore
import StewardSQLite
import StewardWorkflows

extension ImportService {
    /// Imports the unresolved failed rows of import `id` again, as a new import linked to it:
    /// from their stored bytes, or from `correctedFile` (an error report edited by hand; its
    /// rows are matched by `__line`).
    public func retry(id: Int64, correctedFile: URL?, createdBy: String?, batchSize: Int? = nil, requestID: String? = nil) async throws -> ImportRecord {
        try ImportRequest.checkBatchSize(batchSize)
        let (record, profile, unresolved) = try await retrySource(id)
        guard unresolved > 0 else {
            throw StewardError(.invalidTransition, "import \(id) has no unresolved failed rows", fix: "nothing to retry; see `steward imports errors \(id)`")
        }
        let stored: ImportFiles.Stored
        if let correctedFile {
            try Self.requireLineColumn(correctedFile)
            stored = try ImportFiles.store(correctedFile, databasePath: store.path)
        } else {
            stored = try ImportFiles.store(named: "retry-of-\(id)-\(record.fileName)", databasePath: store.path) { emit in
                try writeErrorReport(id: id, unresolvedOnly: true, to: emit)
            }
        }
        let name = correctedFile?.lastPathComponent ?? record.fileName
        let audit = RegisterAudit(action: "import.retried", requestID: requestID, idempotencyKey: nil)
        return try await register(stored, fileName: name, profile: profile, createdBy: createdBy, parent: id, batchSize: batchSize, audit: audit).record
    }

    private func retrySource(_ id: Int64) async throws -> (ImportRecord, ImportProfileDefinition, Int) {
        try await store.database.read { db in
            let record = try ImportRecords.fetch(id, db: db)
            guard record.status.isFinal else {
                throw StewardError(.invalidTransition, "import \(id) is still \(record.status.rawValue)", fix: "retry it once it has finished (see `steward imports show \(id)`)")
            }
            let profile = try JSONDecoder().decode(ImportProfileDefinition.self, from: Data(try ImportRecords.profileJSON(id, db: db).utf8))
            let unresolved = try Int.fetchOne(db, sql: "SELECT count(*) FROM import_errors WHERE import_id = ? AND resolved = 0", arguments: [id]) ?? 0
            return (record, profile, unresolved)
        }
    }

    /// A corrected file must be an error report: without `__line` its rows cannot be matched.
    private static func requireLineColumn(_ file: URL) throws {
        let start = try CSVFileStart.read(path: file.path, fileName: file.lastPathComponent, delimiter: nil)
        let reader = try CSVReader(path: file.path, delimiter: start.delimiter, offset: start.offset, line: 1)
        let headers = try reader.next() ? (0..<reader.record.fields.count).compactMap { reader.text($0, windows1252: true) } : []
        guard headers.contains(ImportColumns.sourceLineHeader) else {
            throw StewardError(.invalidArguments, "\(file.path): line 1: no __line column, so its rows cannot be matched to the failed ones",
                               fix: "start from `steward imports errors ID --csv`, correct the rows there and keep the __ columns")
        }
    }
}
