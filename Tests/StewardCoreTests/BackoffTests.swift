import Foundation
import StewardCore
import Testing

/// A generator with a fixed sequence, so jitter is reproducible.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return state
    }
}

@Suite("Backoff and retry policy")
struct BackoffTests {
    @Test(arguments: 1...12)
    func fullJitterStaysBetweenZeroAndTheCappedExponential(attempt: Int) {
        var random = SeededGenerator(state: UInt64(attempt))
        let backoff = Backoff.exponential(base: .seconds(2), cap: .seconds(300))
        let ceiling = min(300.0, 2.0 * Double(1 << (attempt - 1)))
        let delays = (0..<200).map { _ in backoff.delay(afterAttempt: attempt, using: &random).timeInterval }
        #expect(delays.allSatisfy { $0 >= 0 && $0 <= ceiling })
        // Full jitter spreads over the whole range rather than clustering at the ceiling.
        #expect(delays.min()! < ceiling * 0.2)
        #expect(delays.max()! > ceiling * 0.8)
    }

    @Test func hugeAttemptNumbersDoNotOverflow() {
        var random = SeededGenerator(state: 1)
        let delay = Backoff.exponential(base: .seconds(1), cap: .seconds(3600)).delay(afterAttempt: 10_000, using: &random)
        #expect(delay.timeInterval <= 3600)
    }

    @Test func anExplicitScheduleIsFollowedThenItsLastEntryRepeats() {
        var random = SeededGenerator(state: 1)
        let schedule = Backoff.schedule([.seconds(5), .seconds(300), .seconds(1800)])
        let delays = (1...5).map { schedule.delay(afterAttempt: $0, using: &random) }
        #expect(delays == [.seconds(5), .seconds(300), .seconds(1800), .seconds(1800), .seconds(1800)])
    }

    @Test func theLastAllowedAttemptDiscardsAndEarlierOnesRetry() {
        var random = SeededGenerator(state: 1)
        let policy = RetryPolicy(maxAttempts: 3, backoff: .schedule([.seconds(10)]))
        let now = ManualClockTime.start
        func outcome(attempt: Int, permanent: Bool = false) -> JobOutcome {
            let job = Job(id: 1, kind: "k", queue: "q", args: "{}", priority: 0, state: .running, attempt: attempt, maxAttempts: 3, runAt: now, createdAt: now)
            return policy.outcome(afterFailureOf: job, message: "e", permanent: permanent, now: now, using: &random)
        }
        #expect(outcome(attempt: 2) == .retry(at: now.addingTimeInterval(10), error: "e"))
        #expect(outcome(attempt: 3) == .discard(error: "e"))
        #expect(outcome(attempt: 1, permanent: true) == .discard(error: "e"))
    }
}
