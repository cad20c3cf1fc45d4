public import Foundation
public import GRDB
import StewardCore

extension SQLiteJobStore {
    /// Records many events inside the caller's transaction: one prepared statement and one
    /// wake-up for the dispatcher, however many events (a scan may flag thousands of accounts).
    public func recordEvents(_ events: [(name: String, payload: String)], in db: Database, now: Date) throws {
        guard !events.isEmpty else { return }
        let statement = try db.cachedStatement(sql: "INSERT INTO events (name, payload, created_at) VALUES (?, ?, ?)")
        for event in events {
            try statement.execute(arguments: [event.name, event.payload, now.sqlSeconds])
        }
        db.afterCommit { [notifications, eventNotificationQueue] in notifications.notify(queue: eventNotificationQueue) }
    }
}
