import Foundation
import GRDB
import Logging
import StewardCore
import StewardCRM
import StewardSQLite
import StewardTesting
import StewardWorkflows

/// A signing secret for tests (base64 of 24 fixed bytes).
let testSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"

/// A webhook endpoint definition read from YAML, the way workflow files are.
func webhookEndpoint(_ yaml: String, environment: [String: String] = ["S": testSecret]) throws -> WebhookDefinition {
    let set = try WorkflowLoader(environment: environment).load(files: [(path: "w.yml", text: "kind: webhook\n" + yaml)])
    guard let endpoint = set.webhooks.values.first else { throw StewardError(.invalidWorkflows, "no endpoint in \(yaml)") }
    return endpoint
}

/// A loopback endpoint on the test receiver, allowed despite being private and plain HTTP.
func loopbackEndpoint(_ name: String, url: String, extra: String = "") throws -> WebhookDefinition {
    try webhookEndpoint("""
        name: \(name)
        url: \(url)
        secret: ${S}
        events: [opportunity.created]
        allow_insecure: true
        allow_private: [127.0.0.1]
        \(extra)
        """)
}

func quietLogger() -> Logger {
    var logger = Logger(label: "steward.test")
    logger.logLevel = .critical
    return logger
}

func makeDeliverer(_ store: SQLiteJobStore, endpoints: [WebhookDefinition], clock: any JobClock) -> WebhookDeliverer {
    var set = WorkflowSet()
    for endpoint in endpoints { set.webhooks[endpoint.name] = endpoint }
    return WebhookDeliverer(store: store, definitions: WorkflowDefinitions(set), clock: clock, userAgent: "Steward/test", logger: quietLogger())
}

/// Records an event and returns the delivery job the dispatcher would make for `endpoint`.
func deliveryJob(_ store: SQLiteJobStore, endpoint: String, payload: String = #"{"opportunity_id": 7}"#, now: Date) async throws -> Job {
    let eventID = try await store.recordEvent("opportunity.created", payload: payload, now: now)
    let event = DomainEvent(id: eventID, name: "opportunity.created", payload: payload, createdAt: now)
    let route = EventRoute(name: "webhook:\(endpoint)", event: event.name,
                           job: NewJob(kind: WebhookDeliveryKind.name, args: #"{"endpoint":"\#(endpoint)"}"#, queue: "webhooks"))
    let job = route.job(for: event)
    return Job(id: eventID, kind: job.kind, queue: job.queue, args: job.args, priority: 0, state: .running, attempt: 1, maxAttempts: 25,
               runAt: now, createdAt: now)
}

func context(_ job: Job) -> JobContext { JobContext(job: job, logger: quietLogger()) }

func storedAttempts(_ store: SQLiteJobStore) async throws -> [Row] {
    try store.database.read { db in
        try Row.fetchAll(db, sql: "SELECT attempt, attempted_at, status_code, error_class, next_attempt_at, response_headers FROM webhook_attempts ORDER BY id")
    }
}

func storedDeliveries(_ store: SQLiteJobStore) async throws -> [Row] {
    try store.database.read { db in
        try Row.fetchAll(db, sql: "SELECT id, endpoint, status, attempts, message_id, body, last_result FROM webhook_deliveries ORDER BY id")
    }
}

extension JobResult {
    /// The delay of a retry on the endpoint's schedule (nil for anything else).
    var retryDelay: Duration? {
        if case let .retryLater(delay, _) = self { delay } else { nil }
    }

    /// When the job runs again, retried or turned away by the gate (nil when it ended).
    var comesBackAfter: Duration? {
        switch self {
        case let .retryLater(delay, _), let .snooze(delay): delay
        case .completed: nil
        }
    }
}
