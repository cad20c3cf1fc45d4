public import Foundation

/// The per-minute rollup a store keeps; the pool prunes it like finished jobs.
public protocol JobActivityStore: Sendable {
    /// The rows whose minute lies in `[from, to)`, optionally of one queue, summed per `bucket`
    /// (whole minutes), queue and kind, by bucket, queue, kind, each dated at its
    /// bucket's start (buckets are aligned to the Unix epoch): counts added, run times merged.
    /// A week in two-hour buckets is 84 rows per kind, not 10,080.
    func jobMinuteBuckets(from: Date, to: Date, queue: String?, bucket: Duration) async throws -> [JobMinute]
    /// Deletes rows of minutes before `cutoff`; returns how many went.
    func jobMinutesPrune(before cutoff: Date) async throws -> Int
}

extension JobActivityStore {
    /// Rows whose minute lies in `[from, to)`, optionally of one queue, by minute, queue, kind:
    /// the rows as stored, which are one-minute buckets.
    public func jobMinutes(from: Date, to: Date, queue: String?) async throws -> [JobMinute] {
        try await jobMinuteBuckets(from: from, to: to, queue: queue, bucket: .seconds(60))
    }
}
