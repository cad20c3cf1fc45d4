public import Foundation
public import GRDB
public import StewardCore

extension SQLiteJobStore: EventStore {
    public var eventNotificationQueue: String { "steward.events" }

    /// Records an event inside the caller's transaction, beside the change it describes; the
    /// dispatcher is woken after the commit.
    @discardableResult
    public func recordEvent(_ name: String, payload: String = "{}", in db: Database, now: Date) throws -> Int64 {
        let statement = try db.cachedStatement(sql: "INSERT INTO events (name, payload, created_at) VALUES (?, ?, ?)")
        try statement.execute(arguments: [name, payload, now.sqlSeconds])
        wakeups.wake([eventNotificationQueue], after: db)
        return db.lastInsertedRowID
    }

    /// Records an event in a transaction of its own.
    public func recordEvent(_ name: String, payload: String = "{}", now: Date) async throws -> Int64 {
        try await database.write { db in try self.recordEvent(name, payload: payload, in: db, now: now) }
    }

    public func eventsUndispatched(limit: Int) async throws -> [DomainEvent] {
        try await database.read { db in
            try Row.fetchAll(db, sql: """
                SELECT id, name, payload, created_at FROM events WHERE dispatched_at IS NULL ORDER BY id LIMIT ?
                """, arguments: [limit])
                .map { DomainEvent(id: $0[0], name: $0[1], payload: $0[2], createdAt: JobRow.date($0[3])) }
        }
    }

    public func eventDispatch(_ event: DomainEvent, jobs: [NewJob], now: Date) async throws -> [InsertResult]? {
        try await database.write { db in
            try db.execute(sql: "UPDATE events SET dispatched_at = ? WHERE id = ? AND dispatched_at IS NULL",
                           arguments: [now.sqlSeconds, event.id])
            guard db.changesCount == 1 else { return nil }
            return try self.enqueue(jobs, in: db, now: now)
        }
    }

    public func eventList(limit: Int, beforeID: Int64? = nil) async throws -> [(DomainEvent, Date?)] {
        try await database.read { db in
            try Row.fetchAll(db, sql: "SELECT id, name, payload, created_at, dispatched_at FROM events WHERE id < ? ORDER BY id DESC LIMIT ?",
                             arguments: [beforeID ?? Int64.max, limit])
                .map { (DomainEvent(id: $0[0], name: $0[1], payload: $0[2], createdAt: JobRow.date($0[3])), JobRow.optionalDate($0[4])) }
        }
    }
}
