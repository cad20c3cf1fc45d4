import Foundation
import StewardCore
import Synchronization

/// Per-endpoint admission in this process: at most `concurrency` requests in flight and at most
/// `rateLimit` per second. A job that finds its endpoint full is snoozed (its attempt does not
/// count) instead of holding a worker slot, so a slow or dead endpoint keeps at most its own
/// `concurrency` workers busy and every other endpoint's deliveries keep flowing. An endpoint
/// that looks dead (see `WebhookEndpointHealth`) gets one slot only until it recovers, so it
/// ties up a single worker; a merely flaky one keeps all its slots.
final class WebhookEndpointGate: Sendable {
    enum Admission: Equatable {
        case go
        case wait(Duration)
    }

    private struct State {
        var inFlight: [UInt64: Date] = [:]
        var nextTicket: UInt64 = 0
        var nextSend = Date.distantPast
        /// Recent request latency in seconds.
        var latency = 0.05
        /// Judges whether the endpoint gets all its slots or one.
        var health = WebhookEndpointHealth()
        /// When the last job turned away was told to come back: each one queues behind it.
        /// Reset when the endpoint drains or an attempt succeeds, so a recovered endpoint's
        /// backlog is not left waiting behind a queue that no longer exists.
        var lastReturn = Date.distantPast
        /// The last send slot handed to a job turned away by the rate limit. Not reset: the
        /// rate holds however the endpoint is doing.
        var lastRateSlot = Date.distantPast
    }

    private let states = Mutex<[String: State]>([:])
    /// The virtual queue reaches no further ahead than this; jobs turned away beyond it come
    /// back at random within it and are sorted out then.
    static let horizon: TimeInterval = 300

    /// `.go` with a ticket to hand back to `leave`, or how long to snooze.
    func enter(_ endpoint: String, concurrency: Int, rateLimit: Double?, now: Date) -> (Admission, ticket: UInt64?) {
        states.withLock { states in
            var state = states[endpoint] ?? State()
            defer { states[endpoint] = state }
            let slots = state.health.isFailing ? 1 : concurrency
            if state.inFlight.count >= slots { return (.wait(Self.snooze(&state.lastReturn, spacing: Self.slotSpacing(state, slots: slots, now: now), now: now)), nil) }
            if let rateLimit {
                // Each job turned away takes its own send slot, so waiters come back spread at the rate, not all at once.
                if now < state.nextSend { return (.wait(Self.snooze(&state.lastRateSlot, spacing: 1 / rateLimit, from: state.nextSend, now: now)), nil) }
                state.nextSend = max(state.nextSend, now).addingTimeInterval(1 / rateLimit)
            }
            state.nextTicket += 1
            state.inFlight[state.nextTicket] = now
            return (.go, state.nextTicket)
        }
    }

    /// How long a slot takes to free (the recent latency, or the age of the oldest request still
    /// hanging) divided among the slots, with jitter.
    private static func slotSpacing(_ state: State, slots: Int, now: Date) -> TimeInterval {
        let oldest = state.inFlight.values.min().map { now.timeIntervalSince($0) } ?? 0
        return max(state.latency, oldest) / Double(slots) * Double.random(in: 0.5...1.5)
    }

    /// How long a turned-away job waits: the next place in a virtual queue behind the jobs
    /// turned away before it (starting no earlier than `from`), spaced by `spacing`. A dead
    /// endpoint's backlog is thus spread out instead of coming back all at once, and never
    /// further than `horizon` ahead.
    private static func snooze(_ last: inout Date, spacing: TimeInterval, from start: Date = .distantPast, now: Date) -> Duration {
        let place = max(last, start, now)
        guard place.timeIntervalSince(now) < horizon else {
            return .seconds(Double.random(in: (horizon / 2)...horizon))
        }
        last = place.addingTimeInterval(spacing)
        return max(.seconds(place.timeIntervalSince(now)), .milliseconds(1))
    }

    /// Frees the ticket's slot; `latency` and `outcome` (nil when no request was sent) feed
    /// the estimates.
    func leave(_ endpoint: String, ticket: UInt64?, latency: Duration?, outcome: WebhookEndpointHealth.Outcome? = nil) {
        states.withLock { states in
            guard var state = states[endpoint] else { return }
            if let ticket { state.inFlight[ticket] = nil }
            if let outcome { state.health.record(outcome) }
            if let latency { state.latency = max(0.01, state.latency * 0.7 + latency.timeInterval * 0.3) }
            if outcome == .succeeded || state.inFlight.isEmpty { state.lastReturn = .distantPast }
            states[endpoint] = state
        }
    }
}
