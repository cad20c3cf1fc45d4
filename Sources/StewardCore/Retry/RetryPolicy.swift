public import Foundation

/// A job kind's retry rules: how many attempts in all, and how long to wait between them.
public struct RetryPolicy: Sendable, Equatable {
    public var maxAttempts: Int
    public var backoff: Backoff

    public init(maxAttempts: Int, backoff: Backoff) {
        self.maxAttempts = maxAttempts
        self.backoff = backoff
    }

    /// 20 attempts, 1 s doubling to a 1 h cap with full jitter: about a day of retrying in all.
    public static let standard = RetryPolicy(maxAttempts: 20, backoff: .exponential(base: .seconds(1), cap: .seconds(3600)))

    /// What to do with a job whose attempt failed. A permanent failure, or one on the last
    /// allowed attempt, discards the job; anything else waits out the backoff.
    public func outcome(
        afterFailureOf job: Job, message: String, permanent: Bool, now: Date,
        using random: inout some RandomNumberGenerator
    ) -> JobOutcome {
        if permanent || job.attempt >= job.maxAttempts {
            return .discard(error: message)
        }
        let delay = backoff.delay(afterAttempt: job.attempt, using: &random)
        return .retry(at: now.adding(delay), error: message)
    }
}
