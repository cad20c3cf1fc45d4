public import Foundation
import StewardCore

/// How far back a chart looks and how wide each of its bars is: about a hundred bars at most,
/// whichever the range.
public enum ActivityRange: String, Sendable, CaseIterable {
    case hour = "1h", day = "24h", week = "7d"

    public var span: Duration {
        switch self {
        case .hour: .seconds(3600)
        case .day: .seconds(24 * 3600)
        case .week: .seconds(7 * 24 * 3600)
        }
    }

    /// One bar's width: a minute, a quarter of an hour, two hours.
    public var bucket: Duration {
        switch self {
        case .hour: .seconds(60)
        case .day: .seconds(15 * 60)
        case .week: .seconds(2 * 3600)
        }
    }

    public var buckets: Int { Int(span.timeInterval / bucket.timeInterval) }

    /// "per minute", "per 15 minutes", "per 2 hours".
    public var perBucket: String {
        switch self {
        case .hour: "per minute"
        case .day: "per 15 minutes"
        case .week: "per 2 hours"
        }
    }

    /// "last hour", "last 24 hours", "last 7 days".
    public var last: String {
        switch self {
        case .hour: "last hour"
        case .day: "last 24 hours"
        case .week: "last 7 days"
        }
    }

    /// The first bar's start for a range ending with the bucket that holds `now`.
    public func start(endingAt now: Date) -> Date {
        let width = bucket.timeInterval
        let end = (now.timeIntervalSince1970 / width).rounded(.down) * width + width
        return Date(timeIntervalSince1970: end - span.timeInterval)
    }
}
