import Foundation
import StewardCore
import Synchronization

/// Per-endpoint admission in this process: at most `concurrency` requests in flight and at most
/// `rateLimit` per second. A job that finds its endpoint full is snoozed (its attempt does not
/// count) instead of holding a worker slot, so a slow or dead endpoint keeps at most its own
/// `concurrency` workers busy and every other endpoint's deliveries keep flowing. An endpoint
/// whose last attempts all failed gets one slot only, until an attempt succeeds: a dead
/// endpoint then ties up a single worker.
final class WebhookEndpointGate: Sendable {
    enum Admission: Equatable {
        case go
        case wait(Duration)
    }

    private struct State {
        var inFlight: [UInt64: ContinuousClock.Instant] = [:]
        var nextTicket: UInt64 = 0
        var nextSend = Date.distantPast
        /// Recent request latency in seconds.
        var latency = 0.05
        /// Attempts that failed in a row; from `failingAfter` on, the endpoint gets one slot.
        var failuresInARow = 0
        /// When the last job turned away was told to come back: each one queues behind it.
        var lastReturn = ContinuousClock.now
    }

    private let states = Mutex<[String: State]>([:])
    static let failingAfter = 3

    /// `.go` with a ticket to hand back to `leave`, or how long to snooze.
    func enter(_ endpoint: String, concurrency: Int, rateLimit: Double?, now: Date) -> (Admission, ticket: UInt64?) {
        states.withLock { states in
            var state = states[endpoint] ?? State()
            defer { states[endpoint] = state }
            let slots = state.failuresInARow >= Self.failingAfter ? 1 : concurrency
            if state.inFlight.count >= slots { return (.wait(Self.snooze(&state, concurrency: slots)), nil) }
            if let rateLimit {
                if now < state.nextSend { return (.wait(.seconds(state.nextSend.timeIntervalSince(now))), nil) }
                state.nextSend = max(state.nextSend, now).addingTimeInterval(1 / rateLimit)
            }
            state.nextTicket += 1
            state.inFlight[state.nextTicket] = .now
            return (.go, state.nextTicket)
        }
    }

    /// How long a turned-away job waits. Each one takes the next place in a virtual queue
    /// behind the jobs turned away before it, spaced by how long a slot takes to free (the
    /// recent latency, or the age of the oldest request still hanging) divided among the slots.
    /// A dead endpoint's backlog is thus spread out instead of coming back all at once.
    private static func snooze(_ state: inout State, concurrency: Int) -> Duration {
        let now = ContinuousClock.now
        let oldest = state.inFlight.values.min().map { (now - $0).timeInterval } ?? 0
        let spacing = max(state.latency, oldest) / Double(concurrency)
        state.lastReturn = max(state.lastReturn, now) + .seconds(spacing * Double.random(in: 0.5...1.5))
        return max(state.lastReturn - now, .milliseconds(1))
    }

    /// Frees the ticket's slot; `latency` and `succeeded` (nil when no request was sent) feed
    /// the estimates.
    func leave(_ endpoint: String, ticket: UInt64?, latency: Duration?, succeeded: Bool? = nil) {
        states.withLock { states in
            guard var state = states[endpoint] else { return }
            if let ticket { state.inFlight[ticket] = nil }
            if let succeeded { state.failuresInARow = succeeded ? 0 : state.failuresInARow + 1 }
            if let latency { state.latency = max(0.01, state.latency * 0.7 + latency.timeInterval * 0.3) }
            states[endpoint] = state
        }
    }
}
