import Foundation
import StewardCore
import Synchronization

/// Per-endpoint admission in this process: at most `concurrency` requests in flight and at most
/// `rateLimit` per second. A job that finds its endpoint full is snoozed (its attempt does not
/// count) instead of holding a worker slot, so a slow or dead endpoint keeps at most its own
/// `concurrency` workers busy and every other endpoint's deliveries keep flowing.
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
        /// When the last job turned away was told to come back: each one queues behind it.
        var lastReturn = ContinuousClock.now
    }

    private let states = Mutex<[String: State]>([:])

    /// `.go` with a ticket to hand back to `leave`, or how long to snooze.
    func enter(_ endpoint: String, concurrency: Int, rateLimit: Double?, now: Date) -> (Admission, ticket: UInt64?) {
        states.withLock { states in
            var state = states[endpoint] ?? State()
            defer { states[endpoint] = state }
            if state.inFlight.count >= concurrency { return (.wait(Self.snooze(&state, concurrency: concurrency)), nil) }
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

    /// Frees the ticket's slot; `latency` (nil when no request was sent) feeds the estimate.
    func leave(_ endpoint: String, ticket: UInt64?, latency: Duration?) {
        states.withLock { states in
            guard var state = states[endpoint] else { return }
            if let ticket { state.inFlight[ticket] = nil }
            if let latency { state.latency = max(0.01, state.latency * 0.7 + latency.timeInterval * 0.3) }
            states[endpoint] = state
        }
    }
}
