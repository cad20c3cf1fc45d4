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

    /// Reads `compactText` (a bucket may repeat: its counts add up, so stores can join rows'
    /// texts); pairs that do not parse are skipped (a damaged row loses its run times, never
    /// its counts). Reads bytes, not substrings: a week of a queue's rows is 150,000 pairs.
    public init(compactText: String) {
        var sums = [Int](repeating: 0, count: Self.lastBucket + 1)
        var pair = CompactPair()
        for byte in compactText.utf8 {
            if byte == UInt8(ascii: " ") {
                pair.add(to: &sums)
                pair = CompactPair()
            } else {
                pair.read(byte)
            }
        }
        pair.add(to: &sums)
        var counts: [Int: Int] = [:]
        for (bucket, count) in sums.enumerated() where count > 0 { counts[bucket] = count }
        self.counts = counts
    }
}

/// One `bucket:count` pair as its bytes arrive.
private struct CompactPair {
    private var bucket = 0
    private var count = 0
    private var digits = (bucket: 0, count: 0)
    private var sawColon = false
    private var malformed = false

    mutating func read(_ byte: UInt8) {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            let digit = Int(byte - UInt8(ascii: "0"))
            if sawColon {
                digits.count += 1
                if digits.count > 12 { malformed = true } else { count = count * 10 + digit }
            } else {
                digits.bucket += 1
                if digits.bucket > 3 { malformed = true } else { bucket = bucket * 10 + digit }
            }
        case UInt8(ascii: ":") where !sawColon: sawColon = true
        default: malformed = true
        }
    }

    func add(to sums: inout [Int]) {
        guard !malformed, sawColon, digits.bucket > 0, digits.count > 0, bucket <= RunTimeHistogram.lastBucket else { return }
        sums[bucket] += count
    }
}
