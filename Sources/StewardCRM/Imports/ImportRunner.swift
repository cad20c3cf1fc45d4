import Foundation
import StewardWorkflows
import GRDB
public import Logging
public import StewardCore
public import StewardSQLite

/// Works one import from its last checkpoint to the end of its file, a batch per transaction.
/// A batch's rows, its errors and the checkpoint after it commit together, so a process killed
/// at any moment resumes with no row lost or written twice and no error recorded twice.
public struct ImportRunner: Sendable {
    public let store: SQLiteJobStore
    public let clock: any JobClock
    public let logger: Logger

    /// Rows per transaction and checkpoint: about 15 ms of work, so the write lock is never held
    /// long and a cancel is seen at once, while commits stay few (5,000 cost 5 % less CPU than
    /// 1,000 on the benchmark).
    public static let defaultBatchSize = 5000
    /// Larger batches hold the write lock for seconds and keep two of them in memory.
    public static let batchSizes = 1...50_000

    public init(store: SQLiteJobStore, clock: any JobClock = SystemClock(), logger: Logger) {
        self.store = store
        self.clock = clock
        self.logger = logger
    }

    /// Runs import `id`; a problem with the file or its header fails the import for good
    /// (`import.failed`) and is rethrown as a permanent job error.
    public func run(_ id: Int64, batchSize: Int = defaultBatchSize, jobID: Int64? = nil) async throws {
        guard let loaded = try await ImportSessionLoader.begin(id, jobID: jobID, store: store, now: clock.now()) else { return }
        let source: ImportBatchSource, session: ImportSession
        do {
            (source, session) = try await ImportSessionLoader.open(loaded, store: store, now: clock.now())
        } catch let error as StewardError {
            try await fail(id, error: error.description)
            throw JobPermanentError(error.description)
        } catch let error as CocoaError {
            try await fail(id, error: "\(loaded.record.fileName): the stored copy cannot be read (\(error.localizedDescription))")
            throw JobPermanentError("import \(id): stored file unreadable")
        }
        logger.info("import started", metadata: ["import": "\(id)", "line": "\(loaded.record.checkpointLine)", "offset": "\(loaded.record.checkpointOffset)"])
        // The configured size (every connection has the same), to give the writer back at the end.
        let cacheSize = try await store.database.read { db in try Int.fetchOne(db, sql: "PRAGMA cache_size") } ?? -2000
        try await work(source, session, batchSize: batchSize.clamped(to: Self.batchSizes), jobID: jobID)
        try await store.database.write { db in try db.execute(sql: "PRAGMA cache_size = \(cacheSize)") }
    }

    /// Double-buffered: the next batch is read and checked on its own task while this one is
    /// written, so at most two batches are in memory and both cores have work.
    /// Each batch's commit also tells the queue the job made progress (see `LeaseLossRule`).
    private func work(_ source: ImportBatchSource, _ session: ImportSession, batchSize: Int, jobID: Int64?) async throws {
        var next = Task { try await source.next(size: batchSize) }
        defer { next.cancel() }
        while true {
            try Task.checkCancellation()
            let batch = try await next.value
            if !batch.atEnd { next = Task { try await source.next(size: batchSize) } }
            let state = try await store.database.write { [store, clock] db in
                if let jobID { try store.jobRecordProgress(jobID, in: db) }
                return try session.write(batch, db: db, now: clock.now()) { name, payload in
                    try store.recordEvent(name, payload: payload, in: db, now: clock.now())
                }
            }
            if log(state, session) { return }
        }
    }

    /// Logs a checkpoint or the end; true at the end.
    private func log(_ state: ImportSession.State, _ session: ImportSession) -> Bool {
        let id = session.importID, counts = session.counts
        switch state {
        case .more:
            logger.debug("import checkpoint", metadata: ["import": "\(id)", "rows": "\(counts.processed)", "offset": "\(session.checkpointOffset)"])
            return false
        case let .finished(status):
            logger.info("import finished", metadata: ["import": "\(id)", "status": "\(status.rawValue)", "rows": "\(counts.processed)",
                                                      "created": "\(counts.created)", "failed": "\(counts.failed)"])
        case .cancelled: logger.info("import cancelled", metadata: ["import": "\(id)", "rows": "\(counts.processed)"])
        }
        return true
    }

    private func fail(_ id: Int64, error: String) async throws {
        let now = clock.now()
        _ = try await store.database.write { [store] db in
            try ImportRecords.markFailed(id, error: error, now: now, store: store, db: db)
        }
        logger.warning("import failed", metadata: ["import": "\(id)", "error": "\(error)"])
    }
}

extension Int {
    fileprivate func clamped(to range: ClosedRange<Int>) -> Int { Swift.min(Swift.max(self, range.lowerBound), range.upperBound) }
}
