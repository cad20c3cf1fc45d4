public import Foundation
public import GRDB
import StewardCore

extension SQLiteJobStore {
    /// Records many events inside the caller's transaction (a scan may flag thousands of
    /// accounts); the dispatcher is woken once, after the commit.
    public func recordEvents(_ events: [(name: String, payload: String)], in db: Database, now: Date) throws {
        for event in events { try recordEvent(event.name, payload: event.payload, in: db, now: now) }
    }
}
