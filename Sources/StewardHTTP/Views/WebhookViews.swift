import Foundation
import Hummingbird
import StewardApp
import StewardCRM
import StewardWorkflows

/// An endpoint: state, where it sends (without credentials or query), health and deliveries.
struct WebhookEndpointView: ResponseEncodable, Sendable {
    var name: String
    var state: String
    var url: String
    var events: [String]
    var deliveries: [String: Int]
    var attemptsLast24h: Int
    var successRateLast24h: Double?
    var failingSince: Date?
    var disabledReason: String?
    var concurrency: Int?
    var inFlight: Int

    init(_ status: WebhookEndpointStatus) {
        name = status.name
        state = status.state.rawValue
        url = status.displayURL
        events = status.definition?.events.map(\.rawValue) ?? []
        deliveries = ["pending": 0, "delivered": 0, "failed": 0].merging(status.deliveries) { $1 }
        attemptsLast24h = status.attemptsLastDay
        successRateLast24h = status.successRateLastDay.map { ($0 * 10_000).rounded() / 10_000 }
        failingSince = status.failingSince
        disabledReason = status.stored?.disabledReason
        concurrency = status.concurrency
        inFlight = status.inFlight
    }
}

/// A delivery: one event to one endpoint, with a message id every attempt reuses.
struct WebhookDeliveryView: ResponseEncodable, Sendable {
    struct Attempt: Codable, Sendable {
        var attempt: Int
        var attemptedAt: Date
        var statusCode: Int?
        var errorClass: String?
        var error: String?
        var latencyMs: Double
        var nextAttemptAt: Date?
        /// The first 1,000 characters of the answer's body.
        var responseExcerpt: String?
    }

    var id: Int64
    var endpoint: String
    var eventId: Int64?
    var eventName: String
    var messageId: String
    var status: String
    var attempts: Int
    var createdAt: Date
    var lastAttemptAt: Date?
    var nextAttemptAt: Date?
    var deliveredAt: Date?
    var lastResult: String?
    var body: JSONValue?
    var attemptList: [Attempt]?

    init(_ delivery: WebhookDelivery, attempts: [WebhookAttempt]? = nil) {
        id = delivery.id
        endpoint = delivery.endpoint
        eventId = delivery.eventID
        eventName = delivery.eventName
        messageId = delivery.messageID
        status = delivery.status.rawValue
        self.attempts = delivery.attempts
        createdAt = delivery.createdAt
        lastAttemptAt = delivery.lastAttemptAt
        nextAttemptAt = delivery.nextAttemptAt
        deliveredAt = delivery.deliveredAt
        lastResult = delivery.lastResult
        body = attempts == nil ? nil : JSONValue.parse(delivery.body)
        attemptList = attempts?.map { attempt in
            Attempt(attempt: attempt.attempt, attemptedAt: attempt.attemptedAt, statusCode: attempt.statusCode, errorClass: attempt.errorClass,
                    error: attempt.error, latencyMs: attempt.latencyMilliseconds, nextAttemptAt: attempt.nextAttemptAt,
                    responseExcerpt: attempt.responseBody.map { String($0.prefix(1000)) })
        }
    }
}
