import Foundation
import GRDB
import Logging
import StewardCore
import StewardCRM
import StewardSQLite
import StewardWorkflows

/// `steward-bench webhooks --jobs N --url BASE --endpoints E --hang-percent P --fail-percent F`:
/// N deliveries spread over E loopback endpoints, P % of which never answer (they time out after
/// 2 s) and all of which answer 500 to a random F % of requests (retried on a 1 s, 2 s, 4 s …
/// schedule). Runs the real `webhook_delivery` kind (each endpoint 8 requests at a time) in a
/// pool of `--concurrency` workers and reports how fast the healthy endpoints' deliveries
/// complete, and how late retries went out after the time each attempt's record shows. With
/// `--fail-percent`, the events arrive at `--arrival-rate` per second.
struct WebhookBench {
    let options: BenchOptions

    func run() async throws -> [String: Any] {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: options.database + suffix) }
        let store = try SQLiteJobStore.open(path: options.database, options: SQLiteStoreOptions(schema: CRMSchema.migrations))
        let endpoints = try definitions()
        let healthy = try await enqueue(store, endpoints: endpoints)
        let deliverer = WebhookDeliverer(store: store, definitions: WorkflowDefinitions(endpoints), clock: SystemClock(),
                                         userAgent: "Steward/bench", logger: quietLogger())
        var configuration = WorkerPoolConfiguration()
        configuration.queues = [WebhookDeliveryKind.queue: options.concurrency]
        configuration.claimBatchSize = options.concurrency
        let pool = try WorkerPool(store: store, registry: JobRegistry([WebhookDeliveryKind.make(deliverer: deliverer)]),
                                  configuration: configuration, logger: quietLogger())
        let running = Task { try await pool.run() }
        let start = ContinuousClock.now
        try await waitForDelivered(healthy, store: store)
        let seconds = (ContinuousClock.now - start).timeInterval
        pool.stop()
        running.cancel()
        _ = await running.result
        var result: [String: Any] = ["deliveries": options.jobs, "healthy_deliveries": healthy, "seconds": round3(seconds),
                                     "healthy_per_s": Int(Double(healthy) / seconds), "hang_percent": options.hangPercent,
                                     "fail_percent": options.failPercent]
        for (key, value) in try await retryLateness(store) { result[key] = value }
        return result
    }

    /// How long after its shown `next attempt` time each retry was sent: the worst, the 99th
    /// percentile, and the share sent within a second of it.
    private func retryLateness(_ store: SQLiteJobStore) async throws -> [String: Any] {
        let late = try await store.database.read { db in
            try Double.fetchAll(db, sql: """
                SELECT a.attempted_at - p.next_attempt_at FROM webhook_attempts a
                JOIN webhook_attempts p ON p.delivery_id = a.delivery_id AND p.attempt = a.attempt - 1
                ORDER BY 1
                """)
        }
        guard let worst = late.last else { return ["retries": 0] }
        let p99 = late[min(late.count - 1, late.count * 99 / 100)]
        let within = Double(late.filter { $0 <= 1 }.count) / Double(late.count)
        return ["retries": late.count, "retry_late_max_s": round3(worst), "retry_late_p99_s": round3(p99),
                "retries_within_1s_pct": round3(within * 100)]
    }

    /// Endpoint `e0 … eE-1`; the first P % hang.
    private func definitions() throws -> WorkflowSet {
        let hanging = options.endpoints * options.hangPercent / 100
        let documents = (0..<options.endpoints).map { index in
            """
            kind: webhook
            name: e\(index)
            url: \(options.url)\(index < hanging ? "/hang" : options.failPercent > 0 ? "/flaky/\(options.failPercent)/e\(index)" : "/ok")
            secret: ${SECRET}
            events: [opportunity.created]
            allow_insecure: true
            allow_private: [127.0.0.1]
            timeout: 2s
            concurrency: 8
            \(options.failPercent > 0 ? "retry: { schedule: [1s, 2s, 4s, 8s, 16s, 32s, 64s] }" : "")
            """
        }
        return try WorkflowLoader(environment: ["SECRET": "whsec_c3Rld2FyZC1iZW5jaC1zaWduaW5nLWtleQ=="])
            .load(files: [(path: "bench.yml", text: documents.joined(separator: "\n---\n"))])
    }

    /// One job per (event, endpoint), round-robin; returns how many go to healthy endpoints.
    /// In the flaky case events arrive over time (`--arrival-rate` per second, below what the
    /// machine delivers), as they do in a CRM, so retry times measure the engine's scheduling
    /// rather than a backlog that delays every job alike.
    private func enqueue(_ store: SQLiteJobStore, endpoints: WorkflowSet) async throws -> Int {
        let hanging = options.endpoints * options.hangPercent / 100
        let start = Date()
        var jobs: [NewJob] = []
        for index in 0..<options.jobs {
            let arrival = options.failPercent > 0 ? start.addingTimeInterval(Double(index) / Double(options.arrivalRate)) : nil
            let endpoint = index % options.endpoints
            let event: [String: Any] = ["id": index / options.endpoints + 1, "name": "opportunity.created", "payload": ["opportunity_id": index, "stage": "qualified"]]
            jobs.append(NewJob(kind: WebhookDeliveryKind.name, queue: WebhookDeliveryKind.queue, runAt: arrival, maxAttempts: 25)
                .addingArguments(["endpoint": "e\(endpoint)", "event": event]))
        }
        for chunk in stride(from: 0, to: jobs.count, by: 1000) {
            _ = try await store.jobInsertMany(Array(jobs[chunk..<min(chunk + 1000, jobs.count)]), now: Date())
        }
        return (0..<options.jobs).filter { $0 % options.endpoints >= hanging }.count
    }

    private func quietLogger() -> Logger {
        var logger = Logger(label: "steward.bench")
        logger.logLevel = .critical
        return logger
    }

    private func round3(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }

    /// Polls every 50 ms (the measurement's resolution); the count reads only the status index.
    private func waitForDelivered(_ count: Int, store: SQLiteJobStore) async throws {
        while try await store.database.read({ db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM webhook_deliveries WHERE status = 'delivered'") ?? 0
        }) < count {
            try await Task.sleep(for: .milliseconds(50))
        }
    }
}
