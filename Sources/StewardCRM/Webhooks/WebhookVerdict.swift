public import Foundation
import StewardCore
public import StewardWorkflows

/// What one attempt came to. Values in, decision out: no I/O, so every rule is testable alone.
public enum WebhookVerdict: Sendable, Equatable {
    case delivered
    case retry(after: Duration)
    /// The delivery is given up (attempts exhausted, a permanent 4xx, a refused address …).
    case failed(reason: String)
    /// 410 Gone: the receiver asked not to be sent anything again.
    case disableEndpoint(reason: String)
}

extension WebhookVerdict {
    /// The delivery is given up for good.
    var isFinalFailure: Bool {
        switch self {
        case .failed, .disableEndpoint: true
        case .delivered, .retry: false
        }
    }

    var failureReason: String {
        switch self {
        case let .failed(reason), let .disableEndpoint(reason): reason
        case .delivered, .retry: ""
        }
    }
}

/// How an attempt ended before any verdict: an HTTP answer, no answer, or not sent at all.
public enum WebhookAttemptResult: Sendable {
    case response(HTTPResponse)
    case failure(HTTPFailure)
    case refused(String)
}

/// The retry rules of Standard Webhooks senders (Svix's, mostly).
public struct WebhookRetryRules: Sendable {
    public var endpoint: WebhookDefinition
    /// However long a receiver's `Retry-After` asks for, a retry comes within this.
    public var retryAfterCap: Duration = .seconds(86400)

    public init(endpoint: WebhookDefinition) {
        self.endpoint = endpoint
    }

    /// `roundAttempt` is the 1-based number of this attempt since the delivery (re)started.
    public func verdict(_ result: WebhookAttemptResult, roundAttempt: Int, now: Date,
                        using random: inout some RandomNumberGenerator) -> WebhookVerdict {
        switch result {
        case let .refused(reason):
            return .failed(reason: "refused: \(reason)")
        case let .failure(failure):
            return retry(after: failure.description, roundAttempt: roundAttempt, retryAfter: nil, now: now, using: &random)
        case let .response(response):
            return verdict(response, roundAttempt: roundAttempt, now: now, using: &random)
        }
    }

    private func verdict(_ response: HTTPResponse, roundAttempt: Int, now: Date, using random: inout some RandomNumberGenerator) -> WebhookVerdict {
        let status = response.status
        if (200..<300).contains(status) { return .delivered }
        if status == 410 { return .disableEndpoint(reason: "the endpoint answered 410 Gone") }
        if endpoint.permanent4xx, Self.isPermanent(status) { return .failed(reason: "HTTP \(status), which this endpoint treats as permanent") }
        let what = (300..<400).contains(status) ? "HTTP \(status) redirect (not followed)" : "HTTP \(status)"
        return retry(after: what, roundAttempt: roundAttempt, retryAfter: response.header("Retry-After"), now: now, using: &random)
    }

    /// 4xx answers that retrying may fix are never permanent: 408 timeout, 425 too early, 429 slow down.
    static func isPermanent(_ status: Int) -> Bool {
        (400..<500).contains(status) && ![408, 425, 429].contains(status)
    }

    private func retry(after what: String, roundAttempt: Int, retryAfter: String?, now: Date,
                       using random: inout some RandomNumberGenerator) -> WebhookVerdict {
        guard roundAttempt < endpoint.maxAttempts else { return .failed(reason: "\(what); gave up after \(roundAttempt) attempts") }
        let scheduled = endpoint.retry.delay(afterAttempt: roundAttempt, using: &random)
        guard let asked = retryAfter.flatMap({ Self.parseRetryAfter($0, now: now) }) else { return .retry(after: scheduled) }
        return .retry(after: honour(asked, scheduled: scheduled, ceiling: ceiling(afterAttempt: roundAttempt)))
    }

    /// A receiver's `Retry-After` moves the retry within [scheduled, 2 × ceiling], never past
    /// the cap (unless the schedule itself is longer). The ceiling is the un-jittered delay
    /// (`scheduled` itself for a schedule): full jitter may draw a delay near zero, and the
    /// window must not shrink with it.
    public func honour(_ asked: Duration, scheduled: Duration, ceiling: Duration? = nil) -> Duration {
        let within = min(max(asked, scheduled), max(ceiling ?? scheduled, scheduled) * 2)
        return min(within, max(scheduled, retryAfterCap))
    }

    /// The largest delay the endpoint's backoff may draw after this attempt.
    func ceiling(afterAttempt attempt: Int) -> Duration {
        var none = NoRandomness()
        guard case let .exponential(base, cap) = endpoint.retry else { return endpoint.retry.delay(afterAttempt: attempt, using: &none) }
        let doublings = min(max(attempt - 1, 0), 62)
        return min(cap, (0..<doublings).reduce(base) { delay, _ in min(cap, delay * 2) })
    }

    /// Delta-seconds or an HTTP date (RFC 9110), as a delay from `now`.
    public static func parseRetryAfter(_ value: String, now: Date) -> Duration? {
        let text = value.trimmingCharacters(in: .whitespaces)
        if let seconds = Int(text), seconds >= 0 { return .seconds(seconds) }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = formatter.date(from: text) else { return nil }
        return .seconds(max(0, date.timeIntervalSince(now)))
    }
}

/// Schedules draw nothing; asking one for its delay needs no randomness.
private struct NoRandomness: RandomNumberGenerator {
    mutating func next() -> UInt64 { 0 }
}
