public import Foundation
public import StewardCore

/// The engine's per-minute rollup read for people: one queue's minutes as a series without
/// gaps (for charts), sums over kinds or minutes, and ranges checked against what is kept.
public struct ActivityService: Sendable {
    public let store: any JobActivityStore

    /// What the pool keeps by default (`WorkerPoolConfiguration.keepActivity`).
    public static let kept: Duration = .seconds(7 * 24 * 3600)

    public init(store: any JobActivityStore) { self.store = store }

    /// Rows in `[from, to)`, per queue and kind as stored, or summed over kinds per queue
    /// (`kind` is then `*`); per minute, or summed per `bucket` (whole minutes up to a day,
    /// aligned to the Unix epoch). Throws `invalidArguments` for an empty or too long range or
    /// a bucket that is not a whole number of minutes up to a day.
    public func minutes(from: Date, to: Date, queue: String? = nil, kind: String? = nil, sumKinds: Bool = false,
                        bucket: Duration = .seconds(60)) async throws -> [JobMinute] {
        let width = bucket.timeInterval
        guard width >= 60, width <= 86_400, width.truncatingRemainder(dividingBy: 60) == 0 else {
            throw StewardError(.invalidArguments, "a bucket must be a whole number of minutes from 1m to 1d", fix: "ask for e.g. 15m or 1h")
        }
        guard from < to else {
            throw StewardError(.invalidArguments, "the range is empty: its start must come before its end", fix: "ask for a start before the end")
        }
        guard to.timeIntervalSince(from) <= Self.kept.timeInterval else {
            throw StewardError(.invalidArguments, "the range is longer than the 7 days the per-minute rollup keeps", fix: "ask for 7 days or less")
        }
        let rows = try await store.jobMinuteBuckets(from: JobMinute.start(of: from), to: to, queue: queue, bucket: bucket)
            .filter { kind == nil || $0.kind == kind }
        return sumKinds ? Self.sumOverKinds(rows) : rows
    }

    /// The last hour up to `now`: per queue, sixty minutes without gaps; per queue and kind,
    /// the hour's sums. One read of the rollup.
    public func lastHour(now: Date) async throws -> ActivityHour {
        let start = ActivityRange.hour.start(endingAt: now)
        let rows = try await store.jobMinuteBuckets(from: start, to: start.adding(ActivityRange.hour.span), queue: nil, bucket: ActivityRange.hour.bucket)
        let byQueue = Dictionary(grouping: rows, by: \.queue)
        let series = byQueue.keys.sorted().map { queue in ActivitySeries(queue: queue, range: .hour, start: start, rows: byQueue[queue] ?? []) }
        return ActivityHour(start: start, queues: series, kinds: Self.sumOverMinutes(rows, start: start))
    }

    /// One queue over `range` up to `now`: its bars, and each kind's sums over the range.
    public func history(of queue: String, range: ActivityRange, now: Date) async throws -> (series: ActivitySeries, kinds: [JobMinute]) {
        let start = range.start(endingAt: now)
        let rows = try await store.jobMinuteBuckets(from: start, to: start.adding(range.span), queue: queue, bucket: range.bucket)
        return (ActivitySeries(queue: queue, range: range, start: start, rows: rows), Self.sumOverMinutes(rows, start: start))
    }

    /// Each queue and kind's sums over `[from, to)` (the minute of `from` included).
    public func totals(from: Date, to: Date) async throws -> [JobMinute] {
        Self.sumOverMinutes(try await minutes(from: from, to: to), start: JobMinute.start(of: from))
    }

    /// Sums each queue and kind's rows into one, dated `start`, by queue and kind.
    static func sumOverMinutes(_ rows: [JobMinute], start: Date) -> [JobMinute] {
        var sums: [String: JobMinute] = [:]
        for row in rows {
            sums["\(row.queue)|\(row.kind)", default: JobMinute(minute: start, queue: row.queue, kind: row.kind)].add(row)
        }
        return sums.values.sorted { ($0.queue, $0.kind) < ($1.queue, $1.kind) }
    }

    /// Sums each kind's row within its minute and queue.
    static func sumOverKinds(_ rows: [JobMinute]) -> [JobMinute] {
        var sums: [String: JobMinute] = [:]
        var order: [String] = []
        for row in rows {
            let key = "\(row.minute.timeIntervalSince1970)|\(row.queue)"
            if sums[key] == nil {
                order.append(key)
                sums[key] = JobMinute(minute: row.minute, queue: row.queue, kind: "*")
            }
            sums[key]?.add(row)
        }
        return order.compactMap { sums[$0] }
    }
}
