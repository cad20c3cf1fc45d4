public import Foundation

/// What the dispatcher needs from a store.
public protocol EventStore: Sendable {
    /// Events not yet dispatched, oldest first.
    func eventsUndispatched(limit: Int) async throws -> [DomainEvent]

    /// In one transaction: marks the event dispatched and inserts its jobs. Returns nil, and
    /// inserts nothing, when another dispatcher got there first.
    func eventDispatch(_ event: DomainEvent, jobs: [NewJob], now: Date) async throws -> [InsertResult]?

    /// The notification "queue" fired when an event is recorded.
    var eventNotificationQueue: String { get }
}
