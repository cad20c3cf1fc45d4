public import Foundation

/// The per-minute rollup a store keeps; the pool prunes it like finished jobs.
public protocol JobActivityStore: Sendable {
    /// Rows whose minute lies in `[from, to)`, optionally of one queue, by minute, queue, kind.
    func jobMinutes(from: Date, to: Date, queue: String?) async throws -> [JobMinute]
    /// Deletes rows of minutes before `cutoff`; returns how many went.
    func jobMinutesPrune(before cutoff: Date) async throws -> Int
}
