import Foundation
import GRDB
import StewardCore
import StewardSQLite

/// Writing one attempt and everything it changes, in one transaction: the attempt row, the
/// delivery's status, the endpoint's failure streak, and (when it comes to that) disabling the
/// endpoint with an `endpoint.disabled` event.
enum WebhookAttemptRecords {
    struct Written {
        var delivery: WebhookDelivery
        var endpointDisabled: String?
    }

    /// Nil when the delivery moved on meanwhile (another job recorded this attempt, or the
    /// delivery was settled): the attempt is then not this job's to record.
    static func record(_ attempt: WebhookAttempt, verdict: WebhookVerdict, delivery: WebhookDelivery, disableAfter: Duration,
                       store: SQLiteJobStore, db: Database) throws -> Written? {
        guard try updateDelivery(delivery.id, attempt: attempt, verdict: verdict, db: db) else { return nil }
        try insert(attempt, deliveryID: delivery.id, db: db)
        let now = attempt.attemptedAt
        var disabled: String?
        if case .delivered = verdict {
            try db.cachedStatement(sql: "UPDATE webhook_endpoints SET first_failure_at = NULL, updated_at = ? WHERE name = ? AND first_failure_at IS NOT NULL")
                .execute(arguments: [now.timeIntervalSince1970, delivery.endpoint])
        } else if attempt.errorClass != refusedClass {
            // Steward's own refusals (payload cap, address guard, signing) say nothing about the endpoint.
            disabled = try noteFailure(delivery.endpoint, verdict: verdict, disableAfter: disableAfter, now: now, db: db)
        }
        if let disabled { try disable(delivery.endpoint, reason: disabled, now: now, store: store, db: db) }
        if verdict.isFinalFailure { try deliveryFailed(delivery, reason: verdict.failureReason, now: now, store: store, db: db) }
        return Written(delivery: try WebhookRecords.fetch(delivery.id, db: db), endpointDisabled: disabled)
    }

    private static func insert(_ attempt: WebhookAttempt, deliveryID: Int64, db: Database) throws {
        try db.cachedStatement(sql: """
            INSERT INTO webhook_attempts (delivery_id, attempt, attempted_at, status_code, error_class, error, latency_ms,
                                          response_headers, response_body, next_attempt_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [deliveryID, attempt.attempt, attempt.attemptedAt.timeIntervalSince1970, attempt.statusCode, attempt.errorClass,
                             attempt.error, attempt.latencyMilliseconds, attempt.responseHeaders, attempt.responseBody,
                             attempt.nextAttemptAt?.timeIntervalSince1970])
    }

    /// Only a pending delivery still at this attempt's predecessor moves on; false otherwise.
    private static func updateDelivery(_ id: Int64, attempt: WebhookAttempt, verdict: WebhookVerdict, db: Database) throws -> Bool {
        let status: WebhookDelivery.Status = switch verdict {
        case .delivered: .delivered
        case .retry: .pending
        case .failed, .disableEndpoint: .failed
        }
        let result = attempt.statusCode.map { "HTTP \($0)" } ?? attempt.error ?? ""
        let time = attempt.attemptedAt.timeIntervalSince1970
        try db.cachedStatement(sql: """
            UPDATE webhook_deliveries SET status = ?, attempts = ?, last_attempt_at = ?, next_attempt_at = ?, last_result = ?,
                   delivered_at = CASE WHEN ?1 = 'delivered' THEN ?3 ELSE delivered_at END,
                   failed_at = CASE WHEN ?1 = 'failed' THEN ?3 ELSE failed_at END
            WHERE id = ?6 AND attempts = ?2 - 1 AND status = 'pending'
            """).execute(arguments: [status.rawValue, attempt.attempt, time, attempt.nextAttemptAt?.timeIntervalSince1970, result, id])
        return db.changesCount > 0
    }

    /// Starts the endpoint's failure streak, or returns why it is now disabled: a 410, or only
    /// failures for `disableAfter`.
    private static func noteFailure(_ endpoint: String, verdict: WebhookVerdict, disableAfter: Duration, now: Date, db: Database) throws -> String? {
        if case let .disableEndpoint(reason) = verdict { return reason }
        try db.execute(sql: "UPDATE webhook_endpoints SET first_failure_at = coalesce(first_failure_at, ?), updated_at = ? WHERE name = ?",
                       arguments: [now.timeIntervalSince1970, now.timeIntervalSince1970, endpoint])
        let since = try Double.fetchOne(db, sql: "SELECT first_failure_at FROM webhook_endpoints WHERE name = ?", arguments: [endpoint])
        guard let since, now.timeIntervalSince1970 - since >= disableAfter.timeInterval else { return nil }
        let days = (now.timeIntervalSince1970 - since) / 86400
        return "only failures since \(Date(timeIntervalSince1970: since).formatted(.iso8601)) (\(String(format: "%.1f", days)) days)"
    }

    static let refusedClass = "refused"

    /// `webhook.delivery_failed`, subscribable like any event. Failures of deliveries of that
    /// event raise no further event, so an endpoint subscribed to it cannot feed itself.
    static func deliveryFailed(_ delivery: WebhookDelivery, reason: String, now: Date, store: SQLiteJobStore, db: Database) throws {
        guard delivery.eventName != deliveryFailedEvent else { return }
        var object: [String: Any] = ["delivery_id": delivery.id, "endpoint": delivery.endpoint, "event": delivery.eventName,
                                     "message_id": delivery.messageID, "reason": reason]
        if let eventID = delivery.eventID { object["event_id"] = eventID }
        let payload = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        _ = try store.recordEvent(deliveryFailedEvent, payload: String(decoding: payload, as: UTF8.self), in: db, now: now)
    }

    static let deliveryFailedEvent = "webhook.delivery_failed"

    static func disable(_ endpoint: String, reason: String, now: Date, store: SQLiteJobStore, db: Database) throws {
        try WebhookRecords.ensureEndpoint(endpoint, now: now, db: db)
        try db.execute(sql: """
            UPDATE webhook_endpoints SET enabled = 0, disabled_reason = ?, disabled_at = ?, updated_at = ? WHERE name = ? AND enabled = 1
            """, arguments: [reason, now.timeIntervalSince1970, now.timeIntervalSince1970, endpoint])
        guard db.changesCount > 0 else { return }
        let payload = try JSONSerialization.data(withJSONObject: ["endpoint": endpoint, "reason": reason], options: [.sortedKeys])
        _ = try store.recordEvent("endpoint.disabled", payload: String(decoding: payload, as: UTF8.self), in: db, now: now)
    }
}
