public import Foundation
public import StewardCore
import Synchronization

/// A clock that moves only when a test says so. Sleepers resume when `advance` passes their
/// deadline; `waitForSleepers` lets a test wait until the code under test has parked.
public final class ManualClock: JobClock {
    private struct Sleeper {
        var deadline: Date
        var continuation: CheckedContinuation<Void, any Error>
    }

    private struct State {
        var now: Date
        var nextID = 0
        var sleepers: [Int: Sleeper] = [:]
    }

    private let state: Mutex<State>
    private let parked = Wakeup()

    /// Starts at 2026-01-05 09:00 UTC (a Monday) unless told otherwise.
    public init(now: Date = Date(timeIntervalSince1970: 1_767_603_600)) {
        state = Mutex(State(now: now))
    }

    public func now() -> Date { state.withLock { $0.now } }

    public func sleep(until deadline: Date) async throws {
        let id = state.withLock { state in
            defer { state.nextID += 1 }
            return state.nextID
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                park(id: id, deadline: deadline, continuation: continuation)
            }
        } onCancel: {
            let sleeper = state.withLock { $0.sleepers.removeValue(forKey: id) }
            sleeper?.continuation.resume(throwing: CancellationError())
        }
    }

    private func park(id: Int, deadline: Date, continuation: CheckedContinuation<Void, any Error>) {
        let immediate: Result<Void, any Error>? = state.withLock { state in
            if Task.isCancelled { return .failure(CancellationError()) }
            if deadline <= state.now { return .success(()) }
            state.sleepers[id] = Sleeper(deadline: deadline, continuation: continuation)
            return nil
        }
        if let immediate { continuation.resume(with: immediate) } else { parked.signal() }
    }

    /// Moves time forward and wakes every sleeper whose deadline has come.
    public func advance(by duration: Duration) {
        advance(to: now().adding(duration))
    }

    /// Moves time to `date` (never backwards) and wakes every sleeper whose deadline has come.
    public func advance(to date: Date) {
        let due = state.withLock { state in
            state.now = max(state.now, date)
            let now = state.now
            let due = state.sleepers.filter { $0.value.deadline <= now }
            for id in due.keys { state.sleepers.removeValue(forKey: id) }
            return due.values.map(\.continuation)
        }
        for continuation in due { continuation.resume() }
    }

    public var sleeperCount: Int { state.withLock { $0.sleepers.count } }

    /// Waits until some task sleeps until exactly `deadline` (a timer the test knows the
    /// period of), then moves time there, waking it.
    public func advanceWhenParked(until deadline: Date) async {
        while !Task.isCancelled, !state.withLock({ $0.sleepers.values.contains { $0.deadline == deadline } }) {
            await parked.wait()
        }
        advance(to: deadline)
    }

    /// Returns once at least `count` tasks are asleep on this clock.
    public func waitForSleepers(count: Int) async {
        while sleeperCount < count && !Task.isCancelled { await parked.wait() }
    }
}
