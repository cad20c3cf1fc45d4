import Foundation
import Logging
import Synchronization

/// Writes outcomes in batches: a handler's result is queued and the next flush writes everything
/// queued meanwhile in one transaction (group commit), so a busy pool pays one commit per batch
/// instead of one per job. A crash before the flush loses nothing: the leases expire and the
/// rescuer retries those jobs (at-least-once).
///
/// Flushes run one after another (each waits for the write before it), so "flushed" means
/// written. A failed write is retried with backoff while the jobs keep their leases (they stay
/// in `InFlightJobs` and are heartbeated); after repeated failures the batch is written job by
/// job so one bad row cannot hold back the others.
final class JobFinisher: Sendable {
    private let store: any JobQueueStore
    private let clock: any JobClock
    private let inFlight: InFlightJobs
    private let logger: Logger
    private let pending = Mutex<[JobFinish]>([])
    private let lastFlush = Mutex<Task<Void, Never>?>(nil)
    private let wakeup = Wakeup()
    private let hooks: JobGiveUpHooks

    static let attemptsBeforeSplitting = 3

    init(store: any JobQueueStore, clock: any JobClock, inFlight: InFlightJobs, hooks: JobGiveUpHooks, logger: Logger) {
        self.store = store
        self.hooks = hooks
        self.clock = clock
        self.inFlight = inFlight
        self.logger = logger
    }

    func submit(_ finish: JobFinish) {
        pending.withLock { $0.append(finish) }
        wakeup.signal()
    }

    var hasPending: Bool { pending.withLock { !$0.isEmpty } }

    /// Flushes whenever outcomes arrive, until the task is cancelled.
    func run() async {
        while !Task.isCancelled {
            await wakeup.wait()
            await flush()
        }
    }

    /// Writes everything queued now, after any write already under way. The write runs in a
    /// task of its own, so a cancelled caller (shutdown) still gets its outcomes written.
    func flush() async {
        let task = lastFlush.withLock { last in
            let previous = last
            let next = Task { [self] in
                await previous?.value
                await writePending()
            }
            last = next
            return next
        }
        await task.value
    }

    private func writePending() async {
        let batch = pending.withLock { pending in
            defer { pending.removeAll(keepingCapacity: true) }
            return pending
        }
        guard !batch.isEmpty else { return }
        for attempt in 1...Self.attemptsBeforeSplitting {
            if await write(batch) { return }
            try? await clock.sleep(for: .milliseconds(100 << attempt))
        }
        for finish in batch where await !write([finish]) {
            logger.error("could not record a job outcome; the job will be rescued when its lease expires",
                         metadata: ["job": "\(finish.lease.jobID)", "outcome": "\(finish.outcome.resultingState)"])
            inFlight.remove(finish.lease)
        }
    }

    /// True when written (including outcomes whose lease had already gone).
    private func write(_ batch: [JobFinish]) async -> Bool {
        do {
            let lost = try await store.jobFinishMany(batch, now: clock.now(), hooks: hooks)
            if !lost.isEmpty {
                logger.info("outcomes ignored: lease no longer held", metadata: ["jobs": "\(lost.sorted())"])
            }
            inFlight.remove(batch.map(\.lease))
            return true
        } catch {
            logger.warning("could not record job outcomes; retrying", metadata: ["error": "\(error)", "count": "\(batch.count)"])
            return false
        }
    }
}
