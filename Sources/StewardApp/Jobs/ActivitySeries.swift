public import Foundation
public import StewardCore

/// The last hour of every queue, for the overview.
public struct ActivityHour: Sendable, Equatable {
    public let start: Date
    public let queues: [ActivitySeries]
    /// Each queue and kind's sums over the hour.
    public let kinds: [JobMinute]

    public func series(of queue: String) -> ActivitySeries {
        queues.first { $0.queue == queue } ?? ActivitySeries(queue: queue, range: .hour, start: start, rows: [])
    }
}

/// One queue over a range, bar by bar (a bar is a minute, or a wider bucket of minutes).
public struct ActivitySeries: Sendable, Equatable {
    public let queue: String
    public let range: ActivityRange
    /// One row per bucket from `start`, dated at the bucket's start, zero where nothing
    /// finished; kinds summed (`*`).
    public let minutes: [JobMinute]
    /// The range's sum: counts and the merged run times.
    public let total: JobMinute

    /// `rows`: this queue's rows in the range, per minute or per bucket, any kinds.
    public init(queue: String, range: ActivityRange, start: Date, rows: [JobMinute]) {
        let width = range.bucket.timeInterval
        var buckets = (0..<range.buckets).map { index in
            JobMinute(minute: start.addingTimeInterval(Double(index) * width), queue: queue, kind: "*")
        }
        var total = JobMinute(minute: start, queue: queue, kind: "*")
        for row in rows {
            let index = Int((row.minute.timeIntervalSince(start) / width).rounded(.down))
            guard buckets.indices.contains(index) else { continue }
            buckets[index].add(row)
            total.add(row)
        }
        self.queue = queue
        self.range = range
        minutes = buckets
        self.total = total
    }
}
