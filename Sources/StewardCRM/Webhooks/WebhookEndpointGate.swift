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
        var inFlight = 0
        var nextSend = Date.distantPast
        /// Recent request latency in seconds: how long a full endpoint likely stays full.
        var latency = 0.05
    }

    private let states = Mutex<[String: State]>([:])

    func enter(_ endpoint: String, concurrency: Int, rateLimit: Double?, now: Date) -> Admission {
        states.withLock { states in
            var state = states[endpoint] ?? State()
            defer { states[endpoint] = state }
            if state.inFlight >= concurrency { return .wait(.seconds(state.latency * Double.random(in: 0.5...1.5))) }
            if let rateLimit {
                if now < state.nextSend { return .wait(.seconds(state.nextSend.timeIntervalSince(now))) }
                state.nextSend = max(state.nextSend, now).addingTimeInterval(1 / rateLimit)
            }
            state.inFlight += 1
            return .go
        }
    }

    func leave(_ endpoint: String, latency: Duration) {
        states.withLock { states in
            guard var state = states[endpoint] else { return }
            state.inFlight = max(0, state.inFlight - 1)
            state.latency = max(0.01, state.latency * 0.7 + latency.timeInterval * 0.3)
            states[endpoint] = state
        }
    }
}
