/// How long to wait before the next attempt after a failure.
public enum Backoff: Sendable, Equatable {
    /// `base · 2^(attempt-1)`, capped, then drawn uniformly from zero to that ("full jitter"), so
    /// a burst of failures does not retry in lockstep.
    case exponential(base: Duration, cap: Duration)
    /// An explicit list; attempts past its end reuse the last entry.
    case schedule([Duration])

    /// The delay after failed attempt number `attempt` (1-based).
    public func delay(afterAttempt attempt: Int, using random: inout some RandomNumberGenerator) -> Duration {
        switch self {
        case let .exponential(base, cap):
            let ceiling = Self.exponentialCeiling(base: base, cap: cap, attempt: attempt)
            guard ceiling > 0 else { return .zero }
            return .seconds(Double.random(in: 0...ceiling, using: &random))
        case let .schedule(delays):
            guard let last = delays.last else { return .zero }
            let index = max(0, attempt - 1)
            return index < delays.count ? delays[index] : last
        }
    }

    /// The largest delay full jitter may pick, in seconds.
    static func exponentialCeiling(base: Duration, cap: Duration, attempt: Int) -> Double {
        let exponent = Double(min(max(attempt - 1, 0), 62))
        return min(cap.timeInterval, base.timeInterval * pow2(exponent))
    }

    private static func pow2(_ exponent: Double) -> Double {
        var result = 1.0
        for _ in 0..<Int(exponent) { result *= 2 }
        return result
    }
}
