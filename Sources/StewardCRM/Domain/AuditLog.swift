public import Foundation
public import GRDB

/// The SQL of `audit_log`: who changed what, written in the transaction of the change.
enum AuditLog {
    static func record(_ action: String, entity: String, id: Int64?, details: [String: Any] = [:], actor: String,
                       db: Database, now: Date) throws {
        try db.execute(sql: "INSERT INTO audit_log (at, actor, action, entity, entity_id, details) VALUES (?, ?, ?, ?, ?, ?)",
                       arguments: [Timestamp.iso(now), actor, action, entity, id, JSONText.object(details)])
    }
}

/// The audit log for modules built on the CRM (the API's tokens): a row in the caller's
/// transaction.
public enum CRMAudit {
    public static func record(_ action: String, entity: String, id: Int64?, details: [String: String], actor: String,
                              db: Database, now: Date) throws {
        try AuditLog.record(action, entity: entity, id: id, details: details, actor: actor, db: db, now: now)
    }
}
