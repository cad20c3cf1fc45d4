import GRDB
public import StewardCore
import StewardSQLite

/// `webhook_delivery` jobs on the `webhooks` queue, one per (event, endpoint).
public enum WebhookDeliveryKind {
    public static let name = "webhook_delivery"
    public static let queue = "webhooks"

    /// The endpoint's schedule times ordinary retries (as snoozes); this policy only covers a
    /// worker that died mid-attempt or a database error, so it allows plenty of attempts.
    public static func make(deliverer: WebhookDeliverer) -> JobKind {
        let policy = RetryPolicy(maxAttempts: 25, backoff: .exponential(base: .seconds(5), cap: .seconds(3600)))
        return JobKind(name: name, retryPolicy: policy, checkArguments: checkArguments, onGiveUp: { given, transaction in
            try giveUp(given, db: transaction.sqlite(), deliverer: deliverer)
        }) { context in
            try await deliverer.run(context)
        }
    }

    /// `{"endpoint", "event": {...}}` or `{"endpoint", "delivery": ID}`.
    public static let checkArguments: JobArgumentCheck = { json in
        do { _ = try WebhookJobArguments(json: json) } catch let error as JobPermanentError {
            throw StewardError(.invalidArguments, error.message)
        }
    }

    /// A delivery still pending when its job is given up (its workers kept crashing, an
    /// operator cancelled it) fails with the job's reason, raising `webhook.delivery_failed`.
    static func giveUp(_ given: GivenUpJob, db: Database, deliverer: WebhookDeliverer) throws {
        let arguments = try WebhookJobArguments(json: given.job.args)
        guard let delivery = try arguments.existingDelivery(db: db), delivery.status == .pending else { return }
        let reason = given.state == .cancelled ? "job \(given.job.id) cancelled" : "job \(given.job.id) gave up: \(given.reason)"
        try WebhookRecords.fail(delivery, reason: reason, now: deliverer.clock.now(), store: deliverer.store, db: db)
    }

    /// Whether the delivery's previous redelivery job has not finished yet (it may be settling
    /// after its last attempt was recorded).
    static func hasLiveRedeliveryJob(_ delivery: WebhookDelivery, store: SQLiteJobStore, db: Database) throws -> Bool {
        try store.jobIsPending(kind: name, uniqueKey: redeliveryKey(delivery), in: db)
    }

    static func redeliveryKey(_ delivery: WebhookDelivery) -> String { "webhook:delivery:\(delivery.id)" }

    /// The job of a redelivery, keyed per delivery so that a delivery has one job chain at a time.
    static func redeliveryJob(_ delivery: WebhookDelivery) -> NewJob {
        let job = NewJob(kind: name, queue: queue, maxAttempts: 25, uniqueKey: redeliveryKey(delivery), uniqueStates: .uniqueRequired)
        return job.addingArguments(["endpoint": delivery.endpoint, "delivery": delivery.id])
    }
}
