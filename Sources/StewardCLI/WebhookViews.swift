import Foundation
import StewardCRM
import StewardWorkflows
import StewardApp

/// An endpoint as `webhooks endpoints` shows it: definition, state and delivery counts.
struct WebhookEndpointView {
    var status: WebhookEndpointStatus

    static let headers = ["NAME", "STATE", "URL", "EVENTS", "PENDING", "DELIVERED", "FAILED", "2XX 24H", "NOTE"]

    var stateWord: String { status.state == .offInFile ? "off in file" : status.state.rawValue }

    var note: String {
        if let reason = status.stored?.disabledReason { return reason }
        if let since = status.failingSince { return "failing since \(Timestamps.iso(since))" }
        return ""
    }

    var successRate: String { status.successRateLastDay.map { "\(Int(($0 * 100).rounded())) %" } ?? "-" }

    var row: [String] {
        let counts = status.deliveries
        return [status.name, stateWord, status.displayURL, String(status.definition?.events.count ?? 0), String(counts["pending"] ?? 0),
                String(counts["delivered"] ?? 0), String(counts["failed"] ?? 0), successRate, JobView.shorten(note, to: 60)]
    }

    var json: [String: Any] {
        ["name": status.name, "state": stateWord, "url": status.displayURL, "events": status.definition?.events.map(\.rawValue) ?? [],
         "deliveries": status.deliveries, "disabled_reason": status.stored?.disabledReason ?? NSNull(),
         "first_failure_at": status.failingSince.map(Timestamps.iso) ?? NSNull(),
         "success_rate_24h": status.successRateLastDay ?? NSNull()]
    }
}

enum WebhookDeliveryView {
    static let headers = ["ID", "ENDPOINT", "EVENT", "MESSAGE ID", "STATUS", "ATTEMPTS", "LAST RESULT", "NEXT ATTEMPT"]

    static func row(_ delivery: WebhookDelivery) -> [String] {
        [String(delivery.id), delivery.endpoint, delivery.eventName, delivery.messageID, delivery.status.rawValue, String(delivery.attempts),
         JobView.shorten(delivery.lastResult ?? ""), delivery.status == .pending ? delivery.nextAttemptAt.map(Timestamps.iso) ?? "now" : ""]
    }

    static func json(_ delivery: WebhookDelivery) -> [String: Any] {
        ["id": delivery.id, "endpoint": delivery.endpoint, "event_id": delivery.eventID ?? NSNull(), "event": delivery.eventName,
         "message_id": delivery.messageID, "status": delivery.status.rawValue, "attempts": delivery.attempts,
         "created_at": Timestamps.iso(delivery.createdAt), "last_result": delivery.lastResult ?? NSNull(),
         "next_attempt_at": delivery.nextAttemptAt.map(Timestamps.iso) ?? NSNull(), "delivered_at": delivery.deliveredAt.map(Timestamps.iso) ?? NSNull()]
    }

    static func detail(_ delivery: WebhookDelivery) -> String {
        """
        delivery \(delivery.id): \(delivery.eventName) → \(delivery.endpoint), \(delivery.status.rawValue) after \(delivery.attempts) attempt\(delivery.attempts == 1 ? "" : "s")
        webhook-id: \(delivery.messageID)
        body: \(JobView.shorten(delivery.body, to: 200))

        """
    }
}

enum WebhookAttemptView {
    static let headers = ["#", "AT", "RESULT", "LATENCY", "NEXT ATTEMPT"]

    static func result(_ attempt: WebhookAttempt) -> String {
        if let code = attempt.statusCode { return "HTTP \(code)" }
        return "\(attempt.errorClass ?? "error"): \(attempt.error ?? "")"
    }

    static func row(_ attempt: WebhookAttempt) -> [String] {
        [String(attempt.attempt), Timestamps.iso(attempt.attemptedAt), JobView.shorten(result(attempt), to: 60),
         String(format: "%.0f ms", attempt.latencyMilliseconds), attempt.nextAttemptAt.map(Timestamps.iso) ?? ""]
    }

    static func json(_ attempt: WebhookAttempt) -> [String: Any] {
        ["attempt": attempt.attempt, "attempted_at": Timestamps.iso(attempt.attemptedAt), "status_code": attempt.statusCode ?? NSNull(),
         "error_class": attempt.errorClass ?? NSNull(), "error": attempt.error ?? NSNull(), "latency_ms": attempt.latencyMilliseconds,
         "response_headers": attempt.responseHeaders ?? NSNull(), "response_body": attempt.responseBody ?? NSNull(),
         "next_attempt_at": attempt.nextAttemptAt.map(Timestamps.iso) ?? NSNull()]
    }
}
