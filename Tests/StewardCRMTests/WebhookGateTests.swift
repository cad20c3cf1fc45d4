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
    @Test func anEndpointFailingInARowGetsOneSlotUntilItSucceeds() {
        let gate = WebhookEndpointGate()
        for _ in 0..<WebhookEndpointGate.failingAfter {
            let (_, ticket) = gate.enter("dead", concurrency: 4, rateLimit: nil, now: now)
            gate.leave("dead", ticket: ticket, latency: .seconds(2), succeeded: false)
        }
        let probe = gate.enter("dead", concurrency: 4, rateLimit: nil, now: now)
        #expect(probe.0 == .go)
        guard case .wait = gate.enter("dead", concurrency: 4, rateLimit: nil, now: now).0 else {
            Issue.record("a failing endpoint should have one slot")
            return
        }
        gate.leave("dead", ticket: probe.ticket, latency: .milliseconds(5), succeeded: true)
        #expect(gate.enter("dead", concurrency: 4, rateLimit: nil, now: now).0 == .go)
        #expect(gate.enter("dead", concurrency: 4, rateLimit: nil, now: now).0 == .go, "a success restores every slot")
    }
}

extension WebhookGateTests {
    @Test func aRecoveredEndpointsBacklogIsNotLeftWaiting() {
        let gate = WebhookEndpointGate()
        let slow = gate.enter("flaky", concurrency: 1, rateLimit: nil, now: now)
        gate.leave("flaky", ticket: slow.ticket, latency: .seconds(30), succeeded: false)
        let busy = gate.enter("flaky", concurrency: 1, rateLimit: nil, now: now)
        let waits = (0..<2000).compactMap { _ -> Duration? in
            if case let .wait(delay) = gate.enter("flaky", concurrency: 1, rateLimit: nil, now: now).0 { return delay }
            return nil
        }
        #expect(waits.count == 2000)
        #expect(waits.max()! <= .seconds(WebhookEndpointGate.horizon), "the virtual queue reaches no further than the horizon")
        gate.leave("flaky", ticket: busy.ticket, latency: .milliseconds(10), succeeded: true)
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
