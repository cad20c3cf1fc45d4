import Synchronization

/// Drain mode ends the pool, not one queue: a job in one queue may enqueue into another (a scan
/// plans cadence work, an import's event becomes a delivery), so a queue with nothing left keeps
/// waiting until no queue has anything left.
final class PoolDrain: Sendable {
    private let runningJobs = Atomic<Int>(0)
    private let done = Atomic<Bool>(false)
    private let wakeups = Mutex<[Wakeup]>([])

    func register(_ wakeup: Wakeup) { wakeups.withLock { $0.append(wakeup) } }

    func jobStarted() { runningJobs.add(1, ordering: .relaxed) }
    func jobFinished() { runningJobs.subtract(1, ordering: .relaxed) }

    /// No job is running in any of the pool's queues.
    var isIdle: Bool { runningJobs.load(ordering: .relaxed) == 0 }

    var isDone: Bool { done.load(ordering: .relaxed) }

    /// Every queue found nothing to do: tell each worker to return.
    func finish() {
        done.store(true, ordering: .relaxed)
        for wakeup in wakeups.withLock({ $0 }) { wakeup.signal() }
    }
}
