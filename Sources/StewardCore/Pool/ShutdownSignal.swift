import Synchronization

/// Set once when the pool starts shutting down; tasks can check it or wait for it.
final class ShutdownSignal: Sendable {
    private let triggered = Atomic<Bool>(false)
    private let wakeup = Wakeup()

    var isTriggered: Bool { triggered.load(ordering: .acquiring) }

    func trigger() {
        triggered.store(true, ordering: .releasing)
        wakeup.signal()
    }

    func wait() async {
        while !isTriggered && !Task.isCancelled { await wakeup.wait() }
    }
}
