public import Foundation

/// What the scheduler needs from a store: the last tick of each schedule, and enqueuing a tick's
/// job together with that record in one transaction.
public protocol ScheduleStore: Sendable {
    func scheduleLastTick(name: String) async throws -> Date?

    /// In one transaction: records `lastTick`, cancels the schedule's unfinished job when
    /// `replacing`, and inserts `jobs` (each with its tick's unique key). Returns the inserts.
    func scheduleRecordTicks(name: String, lastTick: Date, jobs: [NewJob], replacing: Bool, now: Date) async throws -> [InsertResult]

    /// The schedule's most recently enqueued job that has not finished, if any.
    func scheduleUnfinishedJob(name: String) async throws -> Job?
}
