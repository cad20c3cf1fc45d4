import StewardApp
import Foundation
import Logging
import StewardCore
import StewardCRM
import StewardSQLite

/// `import --wait`: a live progress line until the import finishes. It also runs a pool of one
/// worker on the `imports` queue in this process, so the import gets done whether or not a
/// `steward run` serves that queue. Rather than guess whether one does (a heartbeat table would
/// be needed to know), both compete for the job: the claim is a single UPDATE, so exactly one of
/// them works it, and a second worker costs nothing while the queue is empty. The in-process
/// pool stops when the import is finished; an import of another file it picked up meanwhile is
/// handed back at its last checkpoint and resumes wherever it is claimed next.
struct ImportWaiter {
    let store: SQLiteJobStore
    let context: CommandContext

    func wait(for id: Int64) async throws -> ImportRecord {
        let pool = try makePool()
        let task = Task { try await pool.run() }
        defer { task.cancel() }
        let record = try await follow(id)
        pool.stop()
        try await task.value
        return record
    }

    private func makePool() throws -> WorkerPool {
        var configuration = WorkerPoolConfiguration()
        configuration.queues = [ImportKind.queue: 1]
        configuration.pollInterval = .milliseconds(250)
        configuration.shutdownGrace = .seconds(2)
        var logger = Logger(label: "steward.import")
        logger.logLevel = .warning
        let registry = JobKinds.registry(store: store, clock: context.clock, logger: logger)
        return try WorkerPool(store: store, registry: registry, configuration: configuration, clock: context.clock, logger: logger)
    }

    /// Reads the import's row four times a second and redraws the progress line on stderr. The
    /// event an import records when it ends wakes the loop at once when this process ran it.
    private func follow(_ id: Int64) async throws -> ImportRecord {
        let finished = Wakeup()
        store.notifications.subscribe(queue: store.eventNotificationQueue, finished)
        defer { store.notifications.unsubscribe(finished) }
        var shown = ""
        while true {
            let record = try await store.importGet(id: id)
            let line = ImportView.progressLine(record, now: context.clock.now())
            if line != shown {
                context.errorOutput.write("\r\(line)\u{1B}[K")
                shown = line
            }
            if record.status.isFinal {
                context.errorOutput.write("\n")
                return record
            }
            if let ended = try await endedJob(record) {
                let again = try await store.importGet(id: id)
                context.errorOutput.write("\n")
                guard again.status.isFinal else { throw ended }
                return again
            }
            await finished.wait(until: context.clock.now().addingTimeInterval(0.25), clock: context.clock)
            try Task.checkCancellation()
        }
    }

    /// A job given up on (attempts spent, or cancelled by hand) leaves its import unfinished, and
    /// waiting on would never end: the error to stop with, if so.
    private func endedJob(_ record: ImportRecord) async throws -> StewardError? {
        guard let id = record.jobID, let job = try await store.jobGet(id: id), job.state.isFinal else { return nil }
        return StewardError(.invalidTransition, "import \(record.id): its job \(id) is \(job.state) (\(job.errors.last?.message ?? "no error recorded"))",
                            fix: "see `steward jobs show \(id)`; `steward jobs retry \(id)` resumes the import from its checkpoint")
    }
}
