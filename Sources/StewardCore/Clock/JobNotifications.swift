import Synchronization

/// Routes "there may be new work in queue X" to the workers of that queue. Stores fire it after
/// committing an insert (in-process wake-ups) and when they notice another process's commit.
public final class JobNotifications: Sendable {
    private let subscribers = Mutex<[String: [Wakeup]]>([:])

    public init() {}

    public func subscribe(queue: String, _ wakeup: Wakeup) {
        subscribers.withLock { $0[queue, default: []].append(wakeup) }
    }

    public func unsubscribe(_ wakeup: Wakeup) {
        subscribers.withLock { subscribers in
            for queue in subscribers.keys { subscribers[queue]?.removeAll { $0 === wakeup } }
        }
    }

    public func notify(queue: String) {
        let wakeups = subscribers.withLock { $0[queue] ?? [] }
        for wakeup in wakeups { wakeup.signal() }
    }

    public func notifyAll() {
        let wakeups = subscribers.withLock { $0.values.flatMap { $0 } }
        for wakeup in wakeups { wakeup.signal() }
    }
}
