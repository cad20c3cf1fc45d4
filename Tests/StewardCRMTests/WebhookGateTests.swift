import Foundation
import StewardCore
@testable import StewardCRM
import Testing

/// The per-endpoint gate alone: slots, turned-away jobs spread out, and the rate limit.
@Suite("Webhook endpoint gate")
struct WebhookGateTests {
    let now = Date(timeIntervalSince1970: 1_767_603_600)

    @Test func aFullEndpointTurnsJobsAwayUntilASlotFrees() {
        let gate = WebhookEndpointGate()
        let first = gate.enter("a", concurrency: 2, rateLimit: nil, now: now)
        let second = gate.enter("a", concurrency: 2, rateLimit: nil, now: now)
        #expect(first.0 == .go && second.0 == .go)
        guard case .wait = gate.enter("a", concurrency: 2, rateLimit: nil, now: now).0 else {
            Issue.record("expected a wait")
            return
        }
        #expect(gate.enter("b", concurrency: 2, rateLimit: nil, now: now).0 == .go, "another endpoint is not affected")
        gate.leave("a", ticket: first.ticket, latency: .milliseconds(5))
        #expect(gate.enter("a", concurrency: 2, rateLimit: nil, now: now).0 == .go)
    }

    @Test func turnedAwayJobsQueueBehindEachOther() {
        let gate = WebhookEndpointGate()
        _ = gate.enter("dead", concurrency: 1, rateLimit: nil, now: now)
        let waits = (0..<20).compactMap { _ -> Duration? in
            if case let .wait(delay) = gate.enter("dead", concurrency: 1, rateLimit: nil, now: now).0 { return delay }
            return nil
        }
        #expect(waits.count == 20)
        #expect(waits.last! > waits.first!, "later jobs are told to come back later, not all at once")
    }

    @Test func theRateLimitSpacesRequests() {
        let gate = WebhookEndpointGate()
        #expect(gate.enter("slow", concurrency: 10, rateLimit: 2, now: now).0 == .go)
        #expect(gate.enter("slow", concurrency: 10, rateLimit: 2, now: now).0 == .wait(.seconds(0.5)))
        #expect(gate.enter("slow", concurrency: 10, rateLimit: 2, now: now.addingTimeInterval(0.5)).0 == .go)
    }
}

extension WebhookGateTests {
    /// Whether the endpoint gets all its slots: two can be taken at once.
    func hasEverySlot(_ gate: WebhookEndpointGate, _ endpoint: String) -> Bool {
        let first = gate.enter(endpoint, concurrency: 4, rateLimit: nil, now: now)
        let second = gate.enter(endpoint, concurrency: 4, rateLimit: nil, now: now)
        for ticket in [first.ticket, second.ticket] { gate.leave(endpoint, ticket: ticket, latency: nil) }
        return first.0 == .go && second.0 == .go
    }

    func attempt(_ gate: WebhookEndpointGate, _ endpoint: String, _ outcome: WebhookEndpointHealth.Outcome) {
        let (_, ticket) = gate.enter(endpoint, concurrency: 4, rateLimit: nil, now: now)
        gate.leave(endpoint, ticket: ticket, latency: .milliseconds(5), outcome: outcome)
    }

    @Test func anEndpointWhoseRequestsGoUnansweredGetsOneSlotUntilItSucceeds() {
        let gate = WebhookEndpointGate()
        for _ in 0..<WebhookEndpointHealth.unansweredInARow { attempt(gate, "dead", .unanswered) }
        #expect(!hasEverySlot(gate, "dead"), "a hanging endpoint gets one slot")
        attempt(gate, "dead", .succeeded)
        #expect(hasEverySlot(gate, "dead"), "a success restores every slot")
    }

    /// 30 % random 500s put three failures in a row often; a fast-answering flaky endpoint
    /// keeps every slot, so its retries are not pushed behind a one-slot queue.
    @Test func aFlakyEndpointKeepsEverySlot() {
        let gate = WebhookEndpointGate()
        var generator = SeededGenerator(seed: 30)
        var failuresInARow = 0, longestRun = 0
        for _ in 0..<1000 {
            let fails = Double.random(in: 0..<1, using: &generator) < 0.3
            failuresInARow = fails ? failuresInARow + 1 : 0
            longestRun = max(longestRun, failuresInARow)
            attempt(gate, "flaky", fails ? .failedWithAnswer : .succeeded)
            #expect(hasEverySlot(gate, "flaky"))
        }
        #expect(longestRun >= 3, "the pattern did have runs that the old rule treated as dead")
    }

    /// An endpoint that answers but fails nearly everything is failing too, once the window has
    /// enough attempts; it recovers as successes fill the window.
    @Test func anEndpointFailingNearlyEverythingGetsOneSlot() {
        let gate = WebhookEndpointGate()
        for _ in 0..<(WebhookEndpointHealth.minimumSamples - 1) { attempt(gate, "down", .failedWithAnswer) }
        #expect(hasEverySlot(gate, "down"), "too few attempts to judge")
        attempt(gate, "down", .failedWithAnswer)
        #expect(!hasEverySlot(gate, "down"))
        attempt(gate, "down", .succeeded)
        #expect(!hasEverySlot(gate, "down"), "10 of 11 failed: still over the failing rate")
        attempt(gate, "down", .succeeded)
        #expect(hasEverySlot(gate, "down"), "10 of 12 failed: under it")
    }
}

/// A small deterministic generator (SplitMix64), so a random pattern is the same on every run.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension WebhookGateTests {
    @Test func aRecoveredEndpointsBacklogIsNotLeftWaiting() {
        let gate = WebhookEndpointGate()
        let slow = gate.enter("flaky", concurrency: 1, rateLimit: nil, now: now)
        gate.leave("flaky", ticket: slow.ticket, latency: .seconds(30), outcome: .unanswered)
        let busy = gate.enter("flaky", concurrency: 1, rateLimit: nil, now: now)
        let waits = (0..<2000).compactMap { _ -> Duration? in
            if case let .wait(delay) = gate.enter("flaky", concurrency: 1, rateLimit: nil, now: now).0 { return delay }
            return nil
        }
        #expect(waits.count == 2000)
        #expect(waits.max()! <= .seconds(WebhookEndpointGate.horizon), "the virtual queue reaches no further than the horizon")
        gate.leave("flaky", ticket: busy.ticket, latency: .milliseconds(10), outcome: .succeeded)
        _ = gate.enter("flaky", concurrency: 1, rateLimit: nil, now: now)
        guard case let .wait(next) = gate.enter("flaky", concurrency: 1, rateLimit: nil, now: now).0 else {
            Issue.record("expected a wait")
            return
        }
        #expect(next < .seconds(15), "after a success the queue starts again from now")
    }

    @Test func rateLimitedWaitersEachGetTheirOwnSlot() {
        let gate = WebhookEndpointGate()
        #expect(gate.enter("limited", concurrency: 50, rateLimit: 10, now: now).0 == .go)
        let waits = (0..<20).compactMap { _ -> Double? in
            if case let .wait(delay) = gate.enter("limited", concurrency: 50, rateLimit: 10, now: now).0 { return delay.timeInterval }
            return nil
        }
        #expect(waits.count == 20)
        #expect(zip(waits, (1...20).map { Double($0) / 10 }).allSatisfy { abs($0 - $1) < 0.001 }, "\(waits)")
    }
}
