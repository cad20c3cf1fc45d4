import Foundation
public import Logging
public import StewardCore
public import StewardSQLite
public import StewardWorkflows
import GRDB

/// Carries out `webhook_delivery` jobs: finds (or creates) the delivery, waits its turn at the
/// endpoint, sends one signed attempt and records it. Retries are snoozes timed by the
/// endpoint's own schedule (and `Retry-After`), so each endpoint keeps its own policy while the
/// job's attempt counter only moves when a worker dies mid-attempt.
public final class WebhookDeliverer: Sendable {
    let store: SQLiteJobStore
    let definitions: WorkflowDefinitions
    let client: WebhookHTTPClient
    let clock: any JobClock
    let userAgent: String
    let logger: Logger
    let gate = WebhookEndpointGate()

    public init(store: SQLiteJobStore, definitions: WorkflowDefinitions, client: WebhookHTTPClient = .shared,
                clock: any JobClock, userAgent: String, logger: Logger) {
        self.store = store
        self.definitions = definitions
        self.client = client
        self.clock = clock
        self.userAgent = userAgent
        self.logger = logger
    }

    /// The job handler's work.
    public func run(_ context: JobContext) async throws -> JobResult {
        do {
            return try await deliver(context)
        } catch is DeliveryFinished {
            return .completed
        }
    }

    private func deliver(_ context: JobContext) async throws -> JobResult {
        let arguments = try WebhookJobArguments(json: context.job.args)
        guard let endpoint = definitions.set.webhooks[arguments.endpoint], endpoint.enabled else { return try await failUndefined(arguments) }
        // The gate comes first, so a job turned away from a full endpoint costs no write.
        let (admission, ticket) = gate.enter(endpoint.name, concurrency: endpoint.concurrency, rateLimit: endpoint.rateLimit, now: clock.now())
        if case let .wait(delay) = admission { return .snooze(delay) }
        let delivery: WebhookDelivery
        do {
            delivery = try await openDelivery(arguments, endpoint: endpoint)
        } catch {
            gate.leave(endpoint.name, ticket: ticket, latency: nil)
            throw error
        }
        guard let (verdict, _, sent) = try await attempt(delivery, endpoint: endpoint, ticket: ticket) else { throw DeliveryFinished() }
        switch verdict {
        case .delivered: return .completed
        case let .retry(delay): return .retryLater(delay, error: "webhook delivery \(delivery.id) attempt \(sent.attempt): \(sent.failureSummary)")
        case let .failed(reason), let .disableEndpoint(reason): throw JobPermanentError("webhook delivery \(delivery.id) failed: \(reason)")
        }
    }

    /// `steward webhooks test`: a `ping` delivery of its own, sent once now and recorded.
    public func ping(_ endpoint: WebhookDefinition) async throws -> (WebhookVerdict, WebhookDelivery) {
        let now = clock.now()
        let body = try WebhookMessage.body(type: "ping", timestamp: now, data: #"{"endpoint":\#(Self.jsonString(endpoint.name))}"#)
        let delivery = try await store.database.write { db in
            try WebhookRecords.insertStandalone(endpoint: endpoint.name, event: WebhookEventInput(id: nil, name: "ping", body: body), now: now, db: db)
        }
        guard let (verdict, sent, _) = try await attempt(delivery, endpoint: endpoint, ticket: nil) else { throw DeliveryFinished() }
        guard case .retry = verdict else { return (verdict, sent) }
        // A ping is sent once: no job retries it, so it must not look pending.
        let settled = try await store.database.write { db in
            try db.execute(sql: "UPDATE webhook_deliveries SET status = 'failed', next_attempt_at = NULL, failed_at = ? WHERE id = ?",
                           arguments: [now.timeIntervalSince1970, sent.id])
            // Nor may its attempt show a next attempt that will never come.
            try db.execute(sql: "UPDATE webhook_attempts SET next_attempt_at = NULL WHERE delivery_id = ?", arguments: [sent.id])
            return try WebhookRecords.fetch(sent.id, db: db)
        }
        return (verdict, settled)
    }

    static func jsonString(_ text: String) -> String {
        (try? JSONSerialization.data(withJSONObject: text, options: [.fragmentsAllowed])).map { String(decoding: $0, as: UTF8.self) } ?? "\"\""
    }


    /// The endpoint was removed, renamed or switched off (`enabled: false`) in the workflow
    /// files: its delivery (if one was made) fails for good instead of staying pending.
    private func failUndefined(_ arguments: WebhookJobArguments) async throws -> JobResult {
        let now = clock.now()
        let switchedOff = definitions.set.webhooks[arguments.endpoint] != nil
        let reason = switchedOff ? "endpoint switched off in its file" : "endpoint not defined"
        try await store.database.write { db in
            guard let delivery = try arguments.existingDelivery(db: db), delivery.status == .pending else { return }
            try WebhookRecords.fail(delivery, reason: reason, now: now, store: store, db: db)
        }
        throw JobPermanentError(switchedOff ? "webhook endpoint '\(arguments.endpoint)' is switched off (enabled: false)"
                                            : "no webhook endpoint named '\(arguments.endpoint)' in the workflow files")
    }

    /// The pending delivery, created on the first attempt. One already delivered (or given up)
    /// ends the job; an undelivered one to a disabled endpoint is failed at once, and can be
    /// redelivered after `steward webhooks enable`; a body over the endpoint's cap is failed
    /// before it is stored.
    private func openDelivery(_ arguments: WebhookJobArguments, endpoint: WebhookDefinition) async throws -> WebhookDelivery {
        let (delivery, blocked) = try await loadDelivery(arguments, endpoint: endpoint)
        if let blocked { throw JobPermanentError("webhook delivery \(delivery.id) failed: \(blocked)") }
        guard delivery.status == .pending else { throw DeliveryFinished() }
        return delivery
    }

    /// Thrown when the delivery needs no attempt: the job is complete.
    struct DeliveryFinished: Error {}

    private func loadDelivery(_ arguments: WebhookJobArguments, endpoint: WebhookDefinition) async throws -> (WebhookDelivery, blocked: String?) {
        let now = clock.now()
        return try await store.database.write { [store] db in
            var (delivery, oversized) = try arguments.delivery(now: now, maxBodyBytes: endpoint.maxPayloadBytes, db: db)
            let blocked = try oversized ?? Self.disabled(endpoint, delivery: delivery, db: db)
            guard let blocked else { return (delivery, nil) }
            try WebhookRecords.fail(delivery, reason: blocked, now: now, store: store, db: db)
            delivery.status = .failed
            return (delivery, blocked)
        }
    }

    private static func disabled(_ endpoint: WebhookDefinition, delivery: WebhookDelivery, db: Database) throws -> String? {
        guard delivery.status == .pending, !(try WebhookRecords.endpointState(endpoint.name, db: db).enabled) else { return nil }
        return "endpoint disabled; `steward webhooks enable \(endpoint.name)`, then redeliver"
    }

    /// Sends one attempt and records it with its verdict; the endpoint's gate slot is held
    /// around the request only. Nil when the delivery moved on while this attempt was under way
    /// (another job got there first): the attempt is not recorded.
    private func attempt(_ delivery: WebhookDelivery, endpoint: WebhookDefinition, ticket: UInt64?) async throws -> (WebhookVerdict, WebhookDelivery, WebhookAttempt)? {
        let now = clock.now()
        let result: WebhookAttemptResult
        do {
            result = try await send(delivery, endpoint: endpoint, now: now)
        } catch {
            gate.leave(endpoint.name, ticket: ticket, latency: nil)
            throw error
        }
        var random = SystemRandomNumberGenerator()
        let roundAttempt = delivery.attempts - delivery.roundStart + 1
        let verdict = WebhookRetryRules(endpoint: endpoint).verdict(result, roundAttempt: roundAttempt, now: now, using: &random)
        gate.leave(endpoint.name, ticket: ticket, latency: result.latency, outcome: result.healthOutcome(delivered: verdict == .delivered))
        let attempt = WebhookAttempt(number: delivery.attempts + 1, at: now, result: result, verdict: verdict)
        // The request was sent: shutdown must not cancel its record, or the job would send it again.
        let written = try await Task { [store] in
            try await store.database.write { db in
                try WebhookAttemptRecords.record(attempt, verdict: verdict, delivery: delivery, disableAfter: endpoint.disableAfter, store: store, db: db)
            }
        }.value
        guard let written else {
            logger.info("webhook attempt already recorded by another job", metadata: ["delivery": "\(delivery.id)", "attempt": "\(attempt.attempt)"])
            return nil
        }
        log(written, attempt: attempt, verdict: verdict)
        return (verdict, written.delivery, attempt)
    }

    /// Throws only when cancelled (shutdown, lost lease): such an attempt is not recorded, and
    /// the job runs it again with the same message id.
    private func send(_ delivery: WebhookDelivery, endpoint: WebhookDefinition, now: Date) async throws -> WebhookAttemptResult {
        let size = delivery.body.utf8.count
        guard size <= endpoint.maxPayloadBytes else {
            return .refused("the body is \(size) bytes, over max_payload_bytes \(endpoint.maxPayloadBytes)")
        }
        do {
            let message = WebhookMessage(messageID: delivery.messageID, body: delivery.body, userAgent: userAgent)
            return .response(try await client.send(try message.request(to: endpoint, now: now)))
        } catch let failure as HTTPFailure where failure.kind == .refused {
            return .refused(failure.message)
        } catch let failure as HTTPFailure {
            return .failure(failure)
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            return .refused(String(describing: error))
        }
    }

    private func log(_ written: WebhookAttemptRecords.Written, attempt: WebhookAttempt, verdict: WebhookVerdict) {
        let delivery = written.delivery
        var metadata: Logger.Metadata = ["endpoint": "\(delivery.endpoint)", "delivery": "\(delivery.id)", "message_id": "\(delivery.messageID)",
                                         "attempt": "\(attempt.attempt)", "result": "\(delivery.lastResult ?? "")"]
        if let next = attempt.nextAttemptAt { metadata["next_attempt_at"] = "\(next.formatted(.iso8601))" }
        switch verdict {
        case .delivered: logger.debug("webhook delivered", metadata: metadata)
        case .retry: logger.info("webhook attempt failed; will retry", metadata: metadata)
        case .failed, .disableEndpoint: logger.warning("webhook delivery failed", metadata: metadata)
        }
        if let reason = written.endpointDisabled {
            logger.warning("webhook endpoint disabled", metadata: ["endpoint": "\(delivery.endpoint)", "reason": "\(reason)"])
        }
    }
}

extension WebhookAttemptResult {
    /// What the attempt says about the endpoint's health; nil when Steward refused to send,
    /// which says nothing about it.
    func healthOutcome(delivered: Bool) -> WebhookEndpointHealth.Outcome? {
        switch self {
        case .refused: nil
        case .response: delivered ? .succeeded : .failedWithAnswer
        case .failure: .unanswered
        }
    }

    var latency: Duration {
        switch self {
        case let .response(response): response.latency
        case let .failure(failure): failure.latency
        case .refused: .zero
        }
    }
}
