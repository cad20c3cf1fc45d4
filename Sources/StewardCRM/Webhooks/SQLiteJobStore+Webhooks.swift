public import Foundation
public import GRDB
import StewardCore
public import StewardSQLite

/// What operators ask of webhook deliveries: lists, one delivery's attempts, redelivery and
/// switching endpoints on and off. The SQL lives in `WebhookRecords`' neighbours; this is the API.
extension SQLiteJobStore {
    public func webhookEndpointStates() async throws -> [String: WebhookEndpointState] {
        try await database.read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT name, enabled, disabled_reason, disabled_at, first_failure_at FROM webhook_endpoints")
            return Dictionary(uniqueKeysWithValues: rows.map { (($0[0] as String), WebhookRecords.endpointState(from: $0)) })
        }
    }

    /// Deliveries per endpoint and status.
    public func webhookDeliveryCounts() async throws -> [String: [String: Int]] {
        try await database.read { db in
            var counts: [String: [String: Int]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT endpoint, status, n FROM webhook_delivery_counts WHERE n > 0") {
                counts[row[0], default: [:]][row[1]] = row[2]
            }
            return counts
        }
    }

    /// Requests in flight per endpoint, across every process: delivery jobs running under a
    /// lease that still holds. A job the endpoint's gate turns away is snoozed at once, so a
    /// running job holds one of the endpoint's concurrency slots.
    public func webhookDeliveriesInFlight(now: Date) async throws -> [String: Int] {
        try await database.read { db in
            try Self.runningJobCounts(by: "args ->> '$.endpoint'", kind: WebhookDeliveryKind.name, liveAt: now, db: db)
        }
    }

    /// Newest first.
    public func webhookDeliveries(endpoint: String?, status: WebhookDelivery.Status?, limit: Int) async throws -> [WebhookDelivery] {
        try await webhookDeliveries(WebhookDeliveryListParams(endpoint: endpoint, status: status, limit: limit))
    }

    public func webhookDeliveries(_ params: WebhookDeliveryListParams) async throws -> [WebhookDelivery] {
        var filters: [String] = []
        var arguments: StatementArguments = []
        if let endpoint = params.endpoint { filters.append("endpoint = ?"); arguments += [endpoint] }
        if let status = params.status { filters.append("status = ?"); arguments += [status.rawValue] }
        if let event = params.event { filters.append("event_name = ?"); arguments += [event] }
        if let before = params.beforeID { filters.append("id < ?"); arguments += [before] }
        let condition = filters.isEmpty ? "" : "WHERE " + filters.joined(separator: " AND ")
        let sql = "SELECT \(WebhookRecords.deliveryColumns) FROM webhook_deliveries \(condition) ORDER BY id DESC LIMIT ?"
        let bound = arguments + [params.limit]
        return try await database.read { db in try Row.fetchAll(db, sql: sql, arguments: bound).map { try WebhookRecords.delivery(from: $0) } }
    }

    /// Attempts per endpoint since `since`, and how many of them were answered 2xx.
    public func webhookAttemptOutcomes(since: Date) async throws -> [String: (attempts: Int, succeeded: Int)] {
        try await database.read { db in
            var outcomes: [String: (attempts: Int, succeeded: Int)] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT d.endpoint, count(*), sum(a.status_code BETWEEN 200 AND 299) FROM webhook_attempts a
                JOIN webhook_deliveries d ON d.id = a.delivery_id WHERE a.attempted_at >= ? GROUP BY d.endpoint
                """, arguments: [since.timeIntervalSince1970]) {
                outcomes[row[0]] = (row[1], row[2] ?? 0)
            }
            return outcomes
        }
    }

    public func webhookDelivery(_ id: Int64) async throws -> (delivery: WebhookDelivery, attempts: [WebhookAttempt]) {
        try await database.read { db in
            let delivery = try WebhookRecords.fetch(id, db: db)
            let rows = try Row.fetchAll(db, sql: """
                SELECT attempt, attempted_at, status_code, error_class, error, latency_ms, response_headers, response_body, next_attempt_at
                FROM webhook_attempts WHERE delivery_id = ? ORDER BY attempt
                """, arguments: [id])
            return (delivery, rows.map(Self.attempt(from:)))
        }
    }

    private static func attempt(from row: Row) -> WebhookAttempt {
        WebhookAttempt(attempt: row[0], attemptedAt: Date(timeIntervalSince1970: row[1]), statusCode: row[2], errorClass: row[3], error: row[4],
                       latencyMilliseconds: row[5], responseHeaders: row[6], responseBody: row[7], nextAttemptAt: WebhookRecords.date(row[8]))
    }

    /// Starts a new round for each delivery (same message id, a fresh retry schedule) and
    /// enqueues its job in the same transaction. A delivery that cannot be redelivered (still
    /// pending: a job is sending it; its endpoint disabled, or not in `definedEndpoints` when
    /// given) is refused with the reason, or skipped when `skipRefused` (for `--failed-since`).
    /// Returns the redelivered ids.
    public func webhookRedeliver(ids: [Int64], now: Date, definedEndpoints: Set<String>? = nil, skipRefused: Bool = false) async throws -> [Int64] {
        try await database.write { db in
            try self.webhookRedeliver(ids: ids, now: now, definedEndpoints: definedEndpoints, skipRefused: skipRefused, in: db)
        }
    }

    /// The redelivery in the caller's transaction (with its audit rows, say).
    public func webhookRedeliver(ids: [Int64], now: Date, definedEndpoints: Set<String>?, skipRefused: Bool, in db: Database) throws -> [Int64] {
        var redelivered: [Int64] = []
        for id in ids {
            let delivery = try WebhookRecords.fetch(id, db: db)
            if let refusal = try redeliveryRefusal(delivery, definedEndpoints: definedEndpoints, db: db) {
                if skipRefused { continue }
                throw refusal
            }
            try Self.restartRound(delivery, now: now, db: db)
            // The previous job of this delivery may still be finishing: then nothing changes, and it can be asked again.
            guard try enqueue([WebhookDeliveryKind.redeliveryJob(delivery)], in: db, now: now).allSatisfy(\.inserted) else {
                throw StewardError(.deliveryPending, "webhook delivery \(id) still has a job finishing", fix: "try again in a moment")
            }
            redelivered.append(id)
        }
        return redelivered
    }

    private func redeliveryRefusal(_ delivery: WebhookDelivery, definedEndpoints: Set<String>?, db: Database) throws -> StewardError? {
        let id = delivery.id, endpoint = delivery.endpoint
        if delivery.status == .pending {
            return StewardError(.deliveryPending, "webhook delivery \(id) is still pending: a job is sending it",
                                fix: "wait until it is delivered or failed (steward webhooks show \(id))")
        }
        if try WebhookDeliveryKind.hasLiveRedeliveryJob(delivery, store: self, db: db) {
            return StewardError(.deliveryPending, "webhook delivery \(id) still has a job finishing", fix: "try again in a moment")
        }
        if delivery.body.isEmpty {
            return StewardError(.invalidArguments, "webhook delivery \(id) has no body: it was over max_payload_bytes and was not stored",
                                fix: "raise the endpoint's max_payload_bytes; later events will be sent")
        }
        if let definedEndpoints, !definedEndpoints.contains(endpoint) {
            return StewardError(.endpointNotFound, "webhook delivery \(id) is for endpoint '\(endpoint)', which the workflow files no longer define",
                                fix: "define the endpoint again to redeliver to it")
        }
        guard try WebhookRecords.endpointState(endpoint, db: db).enabled else {
            return StewardError(.endpointDisabled, "webhook delivery \(id) is for endpoint '\(endpoint)', which is disabled",
                                fix: "steward webhooks enable \(endpoint), then redeliver")
        }
        return nil
    }

    private static func restartRound(_ delivery: WebhookDelivery, now: Date, db: Database) throws {
        try db.execute(sql: """
            UPDATE webhook_deliveries SET status = 'pending', round_start = attempts, next_attempt_at = ?, failed_at = NULL WHERE id = ?
            """, arguments: [now.timeIntervalSince1970, delivery.id])
    }

    /// Deliveries that failed at or after `since` (by attempt, endpoint disable or removal), oldest first.
    public func webhookFailedDeliveries(since: Date) async throws -> [Int64] {
        try await database.read { db in
            try Int64.fetchAll(db, sql: "SELECT id FROM webhook_deliveries WHERE status = 'failed' AND coalesce(failed_at, last_attempt_at, created_at) >= ? ORDER BY id",
                               arguments: [since.timeIntervalSince1970])
        }
    }

    /// Deletes delivered and failed deliveries (and their attempts) that finished before
    /// `before`; pending ones stay whatever their age. Returns how many were deleted.
    public func webhookPrune(before: Date) async throws -> Int {
        try await database.write { db in
            let finished = "status != 'pending' AND coalesce(delivered_at, failed_at, last_attempt_at, created_at) < ?"
            let cutoff = before.timeIntervalSince1970
            try db.execute(sql: "DELETE FROM webhook_attempts WHERE delivery_id IN (SELECT id FROM webhook_deliveries WHERE \(finished))", arguments: [cutoff])
            try db.execute(sql: "DELETE FROM webhook_deliveries WHERE \(finished)", arguments: [cutoff])
            return db.changesCount
        }
    }

    /// Re-enabling clears the failure streak, so the endpoint gets its full `disable_after` again.
    public func webhookEndpointSetEnabled(_ name: String, enabled: Bool, reason: String, now: Date) async throws {
        try await database.write { db in try self.webhookEndpointSetEnabled(name, enabled: enabled, reason: reason, now: now, in: db) }
    }

    public func webhookEndpointSetEnabled(_ name: String, enabled: Bool, reason: String, now: Date, in db: Database) throws {
        if enabled {
            try WebhookRecords.ensureEndpoint(name, now: now, db: db)
            try db.execute(sql: """
                UPDATE webhook_endpoints SET enabled = 1, disabled_reason = NULL, disabled_at = NULL, first_failure_at = NULL, updated_at = ?
                WHERE name = ?
                """, arguments: [now.timeIntervalSince1970, name])
        } else {
            try WebhookAttemptRecords.disable(name, reason: reason, now: now, store: self, db: db)
        }
    }
}

/// Which deliveries to list: newest first, by endpoint, status and event, below an id for paging.
public struct WebhookDeliveryListParams: Sendable {
    public var endpoint: String?
    public var status: WebhookDelivery.Status?
    public var event: String?
    public var limit: Int
    public var beforeID: Int64?

    public init(endpoint: String? = nil, status: WebhookDelivery.Status? = nil, event: String? = nil, limit: Int = 50, beforeID: Int64? = nil) {
        self.endpoint = endpoint
        self.status = status
        self.event = event
        self.limit = limit
        self.beforeID = beforeID
    }
}
