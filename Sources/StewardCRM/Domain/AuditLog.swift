import Foundation
import GRDB

/// The SQL of `audit_log`: who changed what, written in the transaction of the change.
enum AuditLog {
    static func record(_ action: String, entity: String, id: Int64?, details: [String: Any] = [:], actor: String,
                       db: Database, now: Date) throws {
        try db.execute(sql: "INSERT INTO audit_log (at, actor, action, entity, entity_id, details) VALUES (?, ?, ?, ?, ?, ?)",
                       arguments: [Timestamp.iso(now), actor, action, entity, id, JSONText.object(details)])
    }
}
