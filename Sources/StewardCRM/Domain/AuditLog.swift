public import Foundation
public import GRDB

/// The SQL of `audit_log`: who changed what, written in the transaction of the change.
enum AuditLog {
    static func record(_ action: String, entity: String, id: Int64?, details: [String: Any] = [:], actor: String,
                       requestID: String? = nil, db: Database, now: Date) throws {
        try db.execute(sql: "INSERT INTO audit_log (at, actor, action, entity, entity_id, details, request_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
                       arguments: [Timestamp.iso(now), actor, action, entity, id, JSONText.object(details), requestID])
    }

    /// The HTTP request that made a change, for reading the audit log beside the server's log.
    static func addRequestID(_ db: Database) throws {
        try db.execute(sql: "ALTER TABLE audit_log ADD COLUMN request_id TEXT")
    }
}

/// The audit log for modules built on the CRM (the API's tokens): a row in the caller's
/// transaction.
public enum CRMAudit {
    public static func record(_ action: String, entity: String, id: Int64?, details: [String: String], actor: String,
                              requestID: String? = nil, db: Database, now: Date) throws {
        try AuditLog.record(action, entity: entity, id: id, details: details, actor: actor, requestID: requestID, db: db, now: now)
    }
}
