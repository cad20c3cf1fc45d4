public import Foundation
import Synchronization

/// A level-triggered signal: `signal()` wakes the tasks waiting now, or the next one to wait if
/// none is. Workers park on it instead of polling; enqueues, finished jobs and shutdown fire it.
public final class Wakeup: Sendable {
    private struct State {
        var pending = false
        var nextID: UInt64 = 0
        var waiters: [UInt64: CheckedContinuation<Void, Never>] = [:]
    }

    private let state = Mutex(State())

    public init() {}

    public func signal() {
        let waiters = state.withLock { state in
            let waiters = state.waiters.values
            if waiters.isEmpty { state.pending = true }
            state.waiters.removeAll()
            return Array(waiters)
        }
        for waiter in waiters { waiter.resume() }
    }

    /// Returns when signalled, at once if a signal is pending, or when the task is cancelled.
    public func wait() async {
        let id = state.withLock { state in
            defer { state.nextID += 1 }
            return state.nextID
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let resumeNow = state.withLock { state in
                    if state.pending || Task.isCancelled {
                        state.pending = false
                        return true
                    }
                    state.waiters[id] = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            let waiter = state.withLock { $0.waiters.removeValue(forKey: id) }
            waiter?.resume()
        }
    }

    /// Waits for a signal, but no later than `deadline` on `clock`.
    public func wait(until deadline: Date, clock: some JobClock) async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.wait() }
            group.addTask { try? await clock.sleep(until: deadline) }
            await group.next()
            group.cancelAll()
        }
    }
}
