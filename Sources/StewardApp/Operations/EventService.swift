public import Foundation
import GRDB
public import StewardCore
public import StewardSQLite
public import StewardWorkflows
import StewardCRM

/// Domain events for people: recent ones with their dispatch, and recording one by hand to try
/// out triggers and subscriptions (the dispatcher routes it like any other).
public struct EventService: Sendable {
    public let store: SQLiteJobStore
    public let clock: any JobClock

    public init(store: SQLiteJobStore, clock: any JobClock) {
        self.store = store
        self.clock = clock
    }

    public func list(limit: Int, beforeID: Int64? = nil) async throws -> [(event: DomainEvent, dispatchedAt: Date?)] {
        try await store.eventList(limit: limit, beforeID: beforeID).map { (event: $0.0, dispatchedAt: $0.1) }
    }

    /// Records `name` (one of the known events) with a JSON object payload, audited.
    public func emit(_ name: String, payload: String, by actor: String, requestID: String? = nil) async throws -> Int64 {
        try Self.check(name, payload: payload)
        let now = clock.now()
        return try await store.database.write { [store] db in
            let id = try store.recordEvent(name, payload: payload, in: db, now: now)
            try CRMAudit.record("event.emitted", entity: "event", id: id, details: ["name": name], actor: actor, requestID: requestID, db: db, now: now)
            return id
        }
    }

    /// A known event name and a payload that is a JSON object.
    public static func check(_ name: String, payload: String) throws {
        guard EventName(rawValue: name) != nil else {
            throw StewardError(.invalidArguments, "unknown event '\(name)'", fix: "known events: \(EventName.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard (try? JSONSerialization.jsonObject(with: Data(payload.utf8))) is [String: Any] else {
            throw StewardError(.invalidArguments, "the payload of event '\(name)' is not a JSON object", fix: #"write e.g. {"opportunity_id": 7}"#)
        }
    }
}
