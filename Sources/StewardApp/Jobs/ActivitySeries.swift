public import Foundation
public import StewardCore

/// The last hour of every queue, for the overview.
public struct ActivityHour: Sendable, Equatable {
    public let start: Date
    public let queues: [ActivitySeries]
    /// Each queue and kind's sums over the hour.
    public let kinds: [JobMinute]

    public func series(of queue: String) -> ActivitySeries {
        queues.first { $0.queue == queue } ?? ActivitySeries(queue: queue, start: start, rows: [])
    }
}

/// One queue's hour, minute by minute.
public struct ActivitySeries: Sendable, Equatable {
    public let queue: String
    /// Sixty rows, one per minute from `start`, zero where nothing finished.
    public let minutes: [JobMinute]
    /// The hour's sum: counts and the merged run times.
    public let total: JobMinute

    init(queue: String, start: Date, rows: [JobMinute]) {
        let byMinute = Dictionary(rows.map { ($0.minute, $0) }, uniquingKeysWith: { first, _ in first })
        minutes = (0..<60).map { offset in
            let minute = start.adding(.seconds(60 * offset))
            return byMinute[minute] ?? JobMinute(minute: minute, queue: queue, kind: "*")
        }
        var total = JobMinute(minute: start, queue: queue, kind: "*")
        for row in rows { total.add(row) }
        self.queue = queue
        self.total = total
    }
}
