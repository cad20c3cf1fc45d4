public import Foundation

/// Run times in logarithmic buckets, four per doubling (each about 19% wide), so per-minute
/// rows stay small, merge by adding, and still give p50/p95 within a bucket's width.
/// Bucket 0 holds runs under a millisecond; the last one everything from about 7.8 hours up.
public struct RunTimeHistogram: Sendable, Equatable {
    public static let bucketsPerDoubling = 4.0
    public static let lastBucket = 100

    /// Bucket index → runs in it; only non-empty buckets are kept.
    public private(set) var counts: [Int: Int]

    public init(counts: [Int: Int] = [:]) {
        self.counts = counts.filter { $0.value > 0 }
    }

    public var total: Int { counts.values.reduce(0, +) }

    public mutating func record(_ seconds: TimeInterval) {
        counts[Self.bucket(for: seconds), default: 0] += 1
    }

    public mutating func merge(_ other: RunTimeHistogram) {
        counts.merge(other.counts, uniquingKeysWith: +)
    }

    /// The run time below which the fraction `p` (0...1) of runs fell, as the geometric middle of
    /// its bucket; nil when nothing was recorded.
    public func percentile(_ p: Double) -> TimeInterval? {
        let total = total
        guard total > 0 else { return nil }
        let rank = max(1, Int((p * Double(total)).rounded(.up)))
        var seen = 0
        for bucket in counts.keys.sorted() {
            seen += counts[bucket] ?? 0
            if seen >= rank { return Self.middle(of: bucket) }
        }
        return counts.keys.max().map(Self.middle(of:))
    }

    /// `percentile(p)` in milliseconds to a tenth, as reports and the API show it.
    public func milliseconds(at p: Double) -> Double? {
        percentile(p).map { ($0 * 10_000).rounded() / 10 }
    }

    static func bucket(for seconds: TimeInterval) -> Int {
        let milliseconds = seconds * 1000
        guard milliseconds >= 1 else { return 0 }
        return min(lastBucket, Int((log2(milliseconds) * bucketsPerDoubling).rounded(.down)) + 1)
    }

    /// Bucket `i ≥ 1` spans [2^((i-1)/4), 2^(i/4)) milliseconds.
    static func middle(of bucket: Int) -> TimeInterval {
        guard bucket > 0 else { return 0.0005 }
        return pow(2, (Double(bucket) - 0.5) / bucketsPerDoubling) / 1000
    }
}

extension RunTimeHistogram {
    /// `bucket:count` pairs separated by spaces, in bucket order: how stores keep it as text.
    public var compactText: String {
        counts.keys.sorted().map { "\($0):\(counts[$0] ?? 0)" }.joined(separator: " ")
    }

    /// Reads `compactText`; pairs that do not parse are skipped (a damaged row loses its run
    /// times, never its counts).
    public init(compactText: String) {
        var counts: [Int: Int] = [:]
        for pair in compactText.split(separator: " ") {
            let parts = pair.split(separator: ":")
            guard parts.count == 2, let bucket = Int(parts[0]), let count = Int(parts[1]),
                  (0...Self.lastBucket).contains(bucket), count > 0 else { continue }
            counts[bucket, default: 0] += count
        }
        self.init(counts: counts)
    }
}
