import Foundation
import GRDB
import StewardCore

/// A `webhook_delivery` job's arguments: `{"endpoint", "event": {id, name, payload}}` from the
/// dispatcher, or `{"endpoint", "delivery": ID}` for a redelivery.
struct WebhookJobArguments: Sendable {
    var endpoint: String
    var deliveryID: Int64?
    var event: (id: Int64, name: String)?
    /// The arguments as given; the payload is only re-encoded when a delivery is first created.
    var json: String

    init(json: String) throws {
        let object = (try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [String: Any]
        guard let object, let endpoint = object["endpoint"] as? String else {
            throw JobPermanentError("webhook_delivery arguments need an endpoint name, got \(json.prefix(200))")
        }
        self.endpoint = endpoint
        self.json = json
        deliveryID = (object["delivery"] as? NSNumber)?.int64Value
        if let event = object["event"] as? [String: Any], let id = (event["id"] as? NSNumber)?.int64Value, let name = event["name"] as? String {
            self.event = (id, name)
        }
        guard deliveryID != nil || self.event != nil else {
            throw JobPermanentError("webhook_delivery arguments need an event or a delivery id, got \(json.prefix(200))")
        }
    }

    /// The delivery these arguments name, created for an event's first attempt. A body over
    /// `maxBodyBytes` is not stored (the delivery keeps an empty one): the second value says why.
    func delivery(now: Date, maxBodyBytes: Int, db: Database) throws -> (WebhookDelivery, oversized: String?) {
        if let existing = try existingDelivery(db: db) { return (existing, nil) }
        guard let event else { throw JobPermanentError("no event") }
        let created = try Double.fetchOne(db.cachedStatement(sql: "SELECT created_at FROM events WHERE id = ?"), arguments: [event.id])
        let timestamp = created.map(Date.init(timeIntervalSince1970:)) ?? now
        var body = try WebhookMessage.body(type: event.name, timestamp: timestamp, data: payload())
        let size = body.utf8.count
        let oversized = size > maxBodyBytes ? "refused: the body is \(size) bytes, over max_payload_bytes \(maxBodyBytes)" : nil
        if oversized != nil { body = "" }
        let input = WebhookEventInput(id: event.id, name: event.name, body: body)
        return (try WebhookRecords.prepare(endpoint: endpoint, event: input, now: now, db: db), oversized)
    }

    /// The delivery these arguments name, if it was made already.
    func existingDelivery(db: Database) throws -> WebhookDelivery? {
        if let deliveryID { return try WebhookRecords.fetch(deliveryID, db: db) }
        guard let event else { return nil }
        return try WebhookRecords.existing(endpoint: endpoint, eventID: event.id, db: db)
    }

    /// The event's payload as JSON text with sorted keys, so the same event always gives the same body.
    private func payload() -> String {
        let object = (try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [String: Any]
        let payload = (object?["event"] as? [String: Any])?["payload"] ?? [String: Any]()
        let data = try? JSONSerialization.data(withJSONObject: payload, options: [.sortedKeys, .fragmentsAllowed, .withoutEscapingSlashes])
        return data.map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}
