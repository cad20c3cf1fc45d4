import Foundation
import Logging
import Synchronization

/// Writes outcomes in batches: a handler's result is queued and the next flush writes everything
/// queued meanwhile in one transaction (group commit), so a busy pool pays one commit per batch
/// instead of one per job. A crash before the flush loses nothing: the leases expire and the
/// rescuer retries those jobs (at-least-once).
final class JobFinisher: Sendable {
    private let store: any JobQueueStore
    private let clock: any JobClock
    private let logger: Logger
    private let pending = Mutex<[JobFinish]>([])
    private let wakeup = Wakeup()

    init(store: any JobQueueStore, clock: any JobClock, logger: Logger) {
        self.store = store
        self.clock = clock
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

    /// Writes everything queued now. Safe to call from several tasks.
    func flush() async {
        let batch = pending.withLock { pending in
            defer { pending.removeAll(keepingCapacity: true) }
            return pending
        }
        guard !batch.isEmpty else { return }
        do {
            let lost = try await store.jobFinishMany(batch, now: clock.now())
            if !lost.isEmpty {
                logger.info("outcomes ignored: lease no longer held", metadata: ["jobs": "\(lost.sorted())"])
            }
        } catch {
            logger.warning("could not record job outcomes; will retry", metadata: ["error": "\(error)", "count": "\(batch.count)"])
            pending.withLock { $0.insert(contentsOf: batch, at: 0) }
        }
    }
}
