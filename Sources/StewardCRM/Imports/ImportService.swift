public import Foundation
import GRDB
public import StewardCore
public import StewardSQLite
public import StewardWorkflows

/// What people do with imports: start one, cancel it, get its error report, retry its failed
/// rows. The work itself is the `import` job's.
public struct ImportService: Sendable {
    public let store: SQLiteJobStore
    public let clock: any JobClock

    public init(store: SQLiteJobStore, clock: any JobClock = SystemClock()) {
        self.store = store
        self.clock = clock
    }

    /// Copies `file` into the managed folder, then records the import and enqueues its job in
    /// one transaction. A failure removes the copy again.
    public func submit(file: URL, profile: ImportProfileDefinition, createdBy: String?, batchSize: Int? = nil) async throws -> ImportRecord {
        let staged = try Self.stage(file: file, databasePath: store.path, profile: profile)
        return try await submit(staged, profile: profile, createdBy: createdBy, batchSize: batchSize)
    }

    /// Records a staged file as an import and enqueues its job in one transaction.
    public func submit(_ staged: StagedImport, profile: ImportProfileDefinition, createdBy: String?, batchSize: Int? = nil) async throws -> ImportRecord {
        try await submit(staged, profile: profile, createdBy: createdBy, batchSize: batchSize, idempotencyKey: nil).record
    }

    /// As above; with an idempotency key, a second submission by the same `createdBy` with the
    /// same key registers nothing: its copy is removed and the first import is returned
    /// (`replayed`). `requestID` goes into the audit row.
    public func submit(_ staged: StagedImport, profile: ImportProfileDefinition, createdBy: String?, batchSize: Int? = nil,
                       idempotencyKey: String?, requestID: String? = nil) async throws -> (record: ImportRecord, replayed: Bool) {
        try ImportRequest.checkBatchSize(batchSize)
        let audit = RegisterAudit(action: "import.submitted", requestID: requestID, idempotencyKey: idempotencyKey)
        return try await register(staged.stored, fileName: staged.fileName, profile: profile, createdBy: createdBy, parent: nil,
                                  batchSize: batchSize, audit: audit)
    }

    /// What the transaction that registers an import also writes: its audit row and key.
    struct RegisterAudit {
        var action: String
        var requestID: String?
        var idempotencyKey: String?
    }

    /// A file to import, copied beside the database (`databasePath`) and checked, before any
    /// database is opened: `input` is read once, so a pipe, a FIFO or standard input works, and a
    /// refused file leaves nothing behind.
    public static func stage(_ input: FileHandle, fileName: String, databasePath: String, profile: ImportProfileDefinition,
                             progress: ((Int) -> Void)? = nil) throws -> StagedImport {
        let stored = try ImportFiles.store(input, named: fileName, databasePath: databasePath, progress: progress)
        do {
            try checkFile(URL(fileURLWithPath: stored.path), name: fileName, profile: profile)
        } catch {
            ImportFiles.remove(stored)
            throw error
        }
        return StagedImport(stored: stored, fileName: fileName)
    }

    public static func stage(file: URL, databasePath: String, profile: ImportProfileDefinition) throws -> StagedImport {
        let input = try ImportInputFile.open(file.path, name: file.lastPathComponent)
        defer { try? input.close() }
        return try stage(input, fileName: file.lastPathComponent, databasePath: databasePath, profile: profile)
    }

    func register(_ stored: ImportFiles.Stored, fileName: String, profile: ImportProfileDefinition, createdBy: String?,
                  parent: Int64?, batchSize: Int?, audit: RegisterAudit) async throws -> (record: ImportRecord, replayed: Bool) {
        let now = clock.now()
        do {
            let json = String(decoding: try JSONEncoder().encode(profile), as: UTF8.self)
            let result = try await store.database.write { [store] db -> (record: ImportRecord, replayed: Bool) in
                if let key = audit.idempotencyKey, let first = try ImportRecords.find(idempotencyKey: key, createdBy: createdBy, db: db) {
                    return (first, true)
                }
                if let parent { try Self.refuseRunningRetry(of: parent, db: db) }
                try db.execute(sql: """
                    INSERT INTO imports (file_name, stored_path, size, sha256, profile, profile_json, target, created_by, parent_import_id, created_at, idempotency_key)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [fileName, stored.path, stored.size, stored.sha256, profile.name, json, profile.target.rawValue,
                                     createdBy, parent, now.timeIntervalSince1970, audit.idempotencyKey])
                let id = db.lastInsertedRowID
                var args: [String: Any] = ["import": id]
                if let batchSize { args["batch_size"] = batchSize }
                let job = NewJob(kind: ImportKind.name, args: String(decoding: try JSONSerialization.data(withJSONObject: args, options: .sortedKeys), as: UTF8.self),
                                 queue: ImportKind.queue, maxAttempts: 5)
                let inserted = try store.enqueue([job], in: db, now: now)[0].job
                try db.execute(sql: "UPDATE imports SET job_id = ? WHERE id = ?", arguments: [inserted.id, id])
                var details = ["file_name": fileName, "profile": profile.name, "size": String(stored.size)]
                details["parent"] = parent.map(String.init)
                try AuditLog.record(audit.action, entity: "import", id: id, details: details, actor: createdBy ?? "unknown",
                                    requestID: audit.requestID, db: db, now: now)
                return (try ImportRecords.fetch(id, db: db), false)
            }
            if result.replayed { ImportFiles.remove(stored) }
            return result
        } catch {
            try? FileManager.default.removeItem(atPath: stored.path)
            throw error
        }
    }

    /// Two retries of one import at once would both import the same failed rows: checked in
    /// the transaction that registers the new one.
    private static func refuseRunningRetry(of parent: Int64, db: Database) throws {
        guard let running = try Int64.fetchOne(db, sql: """
            SELECT id FROM imports WHERE parent_import_id = ? AND status IN ('pending', 'processing') LIMIT 1
            """, arguments: [parent]) else { return }
        throw StewardError(.invalidTransition, "import \(parent) already has retry \(running) under way",
                           fix: "wait for it (`steward imports show \(running)`), or cancel it with `steward imports cancel \(running)`")
    }

    /// An import no worker is running (pending, waiting to retry, or its worker's lease expired)
    /// is cancelled at once with its job; a running one stops at its next batch, keeping the rows
    /// it committed.
    public func cancel(id: Int64, by actor: String = "unknown", requestID: String? = nil) async throws -> ImportRecord {
        let now = clock.now()
        let record = try await store.database.write { [store] db in
            let record = try ImportRecords.fetch(id, db: db)
            guard !record.status.isFinal else {
                throw StewardError(.invalidTransition, "import \(id) is already \(record.status.rawValue)", fix: "only pending or processing imports can be cancelled")
            }
            try AuditLog.record("import.cancel_requested", entity: "import", id: id, actor: actor, requestID: requestID, db: db, now: now)
            if try record.status == .pending || record.jobID.map({ try store.jobCancelUnlessRunning($0, in: db, now: now) }) ?? true {
                try db.execute(sql: "UPDATE imports SET status = 'cancelled', cancel_requested = 1, finished_at = ? WHERE id = ?",
                               arguments: [now.timeIntervalSince1970, id])
            } else {
                try db.execute(sql: "UPDATE imports SET cancel_requested = 1 WHERE id = ?", arguments: [id])
            }
            return try ImportRecords.fetch(id, db: db)
        }
        // A job that never started has nothing to finish; one that started stops by itself.
        if record.status == .cancelled, let job = record.jobID { _ = try? await store.jobCancel(id: job, now: now) }
        if record.status == .processing, let job = record.jobID, try await store.jobGet(id: job)?.state.isFinal ?? true {
            return try await cancelOrphan(id, now: now)
        }
        return record
    }

    /// An import whose job was given up on has no one to see the request: it is cancelled here.
    private func cancelOrphan(_ id: Int64, now: Date) async throws -> ImportRecord {
        try await store.database.write { db in
            try db.execute(sql: "UPDATE imports SET status = 'cancelled', finished_at = ? WHERE id = ? AND status = 'processing'",
                           arguments: [now.timeIntervalSince1970, id])
            return try ImportRecords.fetch(id, db: db)
        }
    }

    /// The error report (see `ImportErrorReport`), of unresolved errors only if asked.
    public func errorReport(id: Int64, unresolvedOnly: Bool = false) throws -> [UInt8] {
        var report: [UInt8] = []
        try writeErrorReport(id: id, unresolvedOnly: unresolvedOnly) { report += $0 }
        return report
    }

    /// The error report, streamed to `emit` in pieces of about 64 KiB from one read transaction.
    public func writeErrorReport(id: Int64, unresolvedOnly: Bool = false, to emit: ([UInt8]) throws -> Void) throws {
        try store.database.read { db in try Self.writeErrorReport(id: id, unresolvedOnly: unresolvedOnly, db: db, to: emit) }
    }

    private static func writeErrorReport(id: Int64, unresolvedOnly: Bool, db: Database, to emit: ([UInt8]) throws -> Void) throws {
        let record = try ImportRecords.fetch(id, db: db)
        guard let header = try ImportRecords.header(id, db: db) else {
            throw StewardError(.invalidTransition, "import \(id) is \(record.status.rawValue) and has not read its file yet", fix: "try again once it is processing")
        }
        let errors = try ImportRecords.errorCursor(id, unresolvedOnly: unresolvedOnly, db: db)
        try ImportErrorReport.write(header: header.bytes, delimiter: header.delimiter, next: { try errors.next() }, emit: emit)
    }

    /// The error report written into `file` from a read on the database's own threads, for
    /// front ends that stream it from there.
    public func writeErrorReport(id: Int64, unresolvedOnly: Bool, into file: URL) async throws {
        guard FileManager.default.createFile(atPath: file.path, contents: nil), let output = FileHandle(forWritingAtPath: file.path) else {
            throw StewardError(.databaseNotWritable, "cannot write \(file.path)", fix: "check that the temporary folder is writable")
        }
        defer { try? output.close() }
        try await store.database.read { db in
            try Self.writeErrorReport(id: id, unresolvedOnly: unresolvedOnly, db: db) { try output.write(contentsOf: $0) }
        }
    }

    /// A file that is missing, binary, or whose encoding or header cannot work is refused before
    /// it is registered; the job checks again, for files registered otherwise.
    static func checkFile(_ file: URL, name: String, profile: ImportProfileDefinition) throws {
        let header = try ImportFileHeader.read(path: file.path, fileName: name, profile: profile)
        _ = try ImportColumns(headers: header.headers, profile: profile, fileName: name)
    }
}
