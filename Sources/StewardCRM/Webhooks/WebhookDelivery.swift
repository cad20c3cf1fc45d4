public import Foundation

/// One event's delivery to one endpoint, with a message id that every attempt reuses.
public struct WebhookDelivery: Sendable, Equatable {
    public enum Status: String, Sendable, CaseIterable {
        case pending, delivered, failed
    }

    public var id: Int64
    public var endpoint: String
    public var eventID: Int64?
    public var eventName: String
    public var messageID: String
    public var body: String
    public var status: Status
    public var attempts: Int
    /// `attempts` when the current round began (0, or where a redelivery restarted it).
    public var roundStart: Int
    public var createdAt: Date
    public var lastAttemptAt: Date?
    public var nextAttemptAt: Date?
    public var deliveredAt: Date?
    public var lastResult: String?
}

/// One HTTP attempt as stored: what was answered (or what went wrong), how fast, what next.
public struct WebhookAttempt: Sendable, Equatable {
    public var attempt: Int
    public var attemptedAt: Date
    public var statusCode: Int?
    /// timeout, dns, connect, tls, http (a non-2xx answer) or refused.
    public var errorClass: String?
    public var error: String?
    public var latencyMilliseconds: Double
    public var responseHeaders: String?
    public var responseBody: String?
    public var nextAttemptAt: Date?

    /// `HTTP 503`, or the transport error's class and message, for a job's error list.
    public var failureSummary: String {
        if let statusCode { return "HTTP \(statusCode)" }
        return [errorClass, error].compactMap { $0 }.joined(separator: ": ")
    }
}

/// An endpoint's stored state beside its definition.
public struct WebhookEndpointState: Sendable, Equatable {
    public var name: String
    public var enabled: Bool
    public var disabledReason: String?
    public var disabledAt: Date?
    public var firstFailureAt: Date?
}
