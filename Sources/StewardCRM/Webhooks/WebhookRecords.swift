import Foundation
import GRDB
public import StewardCore
import StewardSQLite

/// The SQL of the webhook tables, in one place.
enum WebhookRecords {
    static let deliveryColumns = """
        id, endpoint, event_id, event_name, message_id, body, status, attempts, round_start, created_at,
        last_attempt_at, next_attempt_at, delivered_at, last_result
        """

    /// The delivery of this event to this endpoint, created on first sight with a fresh message
    /// id; a retry or a duplicate job finds the same row.
    static func prepare(endpoint: String, event: WebhookEventInput, now: Date, db: Database) throws -> WebhookDelivery {
        try ensureEndpoint(endpoint, now: now, db: db)
        try db.cachedStatement(sql: """
            INSERT INTO webhook_deliveries (endpoint, event_id, event_name, message_id, body, status, created_at)
            VALUES (?, ?, ?, ?, ?, 'pending', ?) ON CONFLICT (event_id, endpoint) DO NOTHING
            """).execute(arguments: [endpoint, event.id, event.name, newMessageID(), event.body, now.timeIntervalSince1970])
        let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT \(deliveryColumns) FROM webhook_deliveries WHERE event_id = ? AND endpoint = ?"),
                                   arguments: [event.id, endpoint])
        return try delivery(from: row)
    }

    /// The delivery of this event to this endpoint, if it was made already.
    static func existing(endpoint: String, eventID: Int64, db: Database) throws -> WebhookDelivery? {
        let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT \(deliveryColumns) FROM webhook_deliveries WHERE event_id = ? AND endpoint = ?"),
                                   arguments: [eventID, endpoint])
        return try row.map { try delivery(from: $0) }
    }

    /// A delivery without an event (a ping from `steward webhooks test`).
    static func insertStandalone(endpoint: String, event: WebhookEventInput, now: Date, db: Database) throws -> WebhookDelivery {
        try ensureEndpoint(endpoint, now: now, db: db)
        try db.execute(sql: """
            INSERT INTO webhook_deliveries (endpoint, event_name, message_id, body, status, created_at) VALUES (?, ?, ?, ?, 'pending', ?)
            """, arguments: [endpoint, event.name, newMessageID(), event.body, now.timeIntervalSince1970])
        return try fetch(db.lastInsertedRowID, db: db)
    }

    /// A pending delivery given up without an attempt (its endpoint disabled or removed).
    static func fail(_ delivery: WebhookDelivery, reason: String, now: Date, store: SQLiteJobStore, db: Database) throws {
        try db.execute(sql: "UPDATE webhook_deliveries SET status = 'failed', last_result = ?, next_attempt_at = NULL, failed_at = ? WHERE id = ?",
                       arguments: [reason, now.timeIntervalSince1970, delivery.id])
        try WebhookAttemptRecords.deliveryFailed(delivery, reason: reason, now: now, store: store, db: db)
    }

    static func ensureEndpoint(_ name: String, now: Date, db: Database) throws {
        try db.cachedStatement(sql: "INSERT INTO webhook_endpoints (name, updated_at) VALUES (?, ?) ON CONFLICT (name) DO NOTHING")
            .execute(arguments: [name, now.timeIntervalSince1970])
    }

    /// `msg_` and 24 random base62 characters, like the spec's examples.
    static func newMessageID() -> String {
        var random = SystemRandomNumberGenerator()
        return "msg_" + String(decoding: (0..<24).map { _ in base62[Int(random.next(upperBound: UInt8(62)))] }, as: UTF8.self)
    }

    private static let base62 = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".utf8)

    static func fetch(_ id: Int64, db: Database) throws -> WebhookDelivery {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT \(deliveryColumns) FROM webhook_deliveries WHERE id = ?"), arguments: [id]) else {
            throw StewardError(.deliveryNotFound, "no webhook delivery with id \(id)", fix: "steward webhooks deliveries lists them")
        }
        return try delivery(from: row)
    }

    static func delivery(from row: Row?) throws -> WebhookDelivery {
        guard let row else { throw StewardError(.deliveryNotFound, "no such webhook delivery", fix: "steward webhooks deliveries lists them") }
        return WebhookDelivery(
            id: row[0], endpoint: row[1], eventID: row[2], eventName: row[3], messageID: row[4], body: row[5],
            status: WebhookDelivery.Status(rawValue: row[6]) ?? .pending, attempts: row[7], roundStart: row[8],
            createdAt: date(row[9])!, lastAttemptAt: date(row[10]), nextAttemptAt: date(row[11]), deliveredAt: date(row[12]),
            lastResult: row[13])
    }

    static func date(_ value: Double?) -> Date? { value.map(Date.init(timeIntervalSince1970:)) }

    static func endpointState(_ name: String, db: Database) throws -> WebhookEndpointState {
        let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT name, enabled, disabled_reason, disabled_at, first_failure_at FROM webhook_endpoints WHERE name = ?"),
                                   arguments: [name])
        guard let row else { return WebhookEndpointState(name: name, enabled: true) }
        return endpointState(from: row)
    }

    static func endpointState(from row: Row) -> WebhookEndpointState {
        WebhookEndpointState(name: row[0], enabled: row[1], disabledReason: row[2], disabledAt: date(row[3]), firstFailureAt: date(row[4]))
    }
}

extension StewardError.Code {
    public static let deliveryNotFound = Self(rawValue: "delivery_not_found")
    public static let endpointNotFound = Self(rawValue: "endpoint_not_found")
    public static let deliveryPending = Self(rawValue: "delivery_pending")
    public static let endpointDisabled = Self(rawValue: "endpoint_disabled")
}

/// What a delivery is made from: the event's id and name and the body to send.
struct WebhookEventInput: Sendable {
    var id: Int64?
    var name: String
    var body: String
}
