import GRDB
import StewardCore
import Synchronization

/// Wakes the queues a transaction wrote to once it commits, never before. One commit observer is
/// registered per transaction however many jobs or events it writes: one per write made a scan
/// that recorded 33k events in one transaction take 48 s. A store has one writer connection, so
/// one pending set serves every transaction it runs.
final class CommitWakeups: Sendable {
    private let notifications: JobNotifications
    /// Queues to wake when the open transaction commits; nil while no observer is registered.
    private let pending = Mutex<Set<String>?>(nil)

    init(notifications: JobNotifications) {
        self.notifications = notifications
    }

    func wake(_ queues: some Sequence<String>, after db: Database) {
        guard db.isInsideTransaction else {
            // Each statement has committed by itself.
            for queue in queues { notifications.notify(queue: queue) }
            return
        }
        let isFirst = pending.withLock { state in
            defer { state = (state ?? []).union(queues) }
            return state == nil
        }
        guard isFirst else { return }
        db.afterNextTransaction(onCommit: { _ in self.finish(notify: true) }, onRollback: { _ in self.finish(notify: false) })
    }

    private func finish(notify: Bool) {
        let queues = pending.withLock { state in
            defer { state = nil }
            return state ?? []
        }
        guard notify else { return }
        for queue in queues { notifications.notify(queue: queue) }
    }
}
