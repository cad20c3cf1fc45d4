public import Foundation
public import StewardCore

/// A store under test together with the few things the contract needs that no protocol names:
/// recording an event, and a business write in the same transaction as an enqueue, each in the
/// store's own dialect. Each store's tests build one.
public struct ConformanceSubject: Sendable {
    public var store: any JobStore & EventStore & ScheduleStore
    /// Records an event (name, payload JSON) in a transaction of its own.
    public var recordEvent: @Sendable (_ name: String, _ payload: String, _ now: Date) async throws -> Void
    /// In one transaction: inserts one business row and enqueues `jobs`; with `rollback`, the
    /// transaction fails after both.
    public var enqueueWithBusinessRow: @Sendable (_ jobs: [NewJob], _ rollback: Bool, _ now: Date) async throws -> Void
    /// How many business rows are stored.
    public var businessRows: @Sendable () async throws -> Int

    public init(store: any JobStore & EventStore & ScheduleStore,
                recordEvent: @escaping @Sendable (String, String, Date) async throws -> Void,
                enqueueWithBusinessRow: @escaping @Sendable ([NewJob], Bool, Date) async throws -> Void,
                businessRows: @escaping @Sendable () async throws -> Int) {
        self.store = store
        self.recordEvent = recordEvent
        self.enqueueWithBusinessRow = enqueueWithBusinessRow
        self.businessRows = businessRows
    }
}

/// The contract beyond the queue itself: events, schedules and transactional enqueue.
public struct StoreConformanceCase: Sendable, CustomStringConvertible {
    public let name: String
    public let run: @Sendable (ConformanceSubject, ManualClock) async throws -> Void
    public var description: String { name }
}
