import Foundation
import Logging
import StewardCore
import StewardSQLite
import Synchronization

/// Throughput: enqueue N no-op jobs in batches, then drain them with the pool. Latency: with the
/// pool idle, enqueue one job at a time and time until its handler starts.
struct QueueBench {
    let options: BenchOptions

    func run() async throws -> [String: Any] {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: options.database + suffix) }
        let store = try SQLiteJobStore.open(path: options.database)
        let enqueueSeconds = try await time { try await enqueueAll(store) }
        let workSeconds = try await time { try await drain(store) }
        let completed = try await store.jobCountByState().filter { $0.state == .completed }.map(\.count).reduce(0, +)
        guard completed == options.jobs else { throw BenchError("only \(completed) of \(options.jobs) jobs completed") }
        let latencies = try await measureLatency(store)
        let total = enqueueSeconds + workSeconds
        return [
            "jobs": options.jobs, "enqueue_s": round3(enqueueSeconds), "work_s": round3(workSeconds),
            "total_s": round3(total), "jobs_per_s": Int(Double(options.jobs) / total),
            "p50_ms": round3(percentile(latencies, 0.50) * 1000), "p99_ms": round3(percentile(latencies, 0.99) * 1000),
        ]
    }

    private func enqueueAll(_ store: SQLiteJobStore) async throws {
        let batch = (0..<options.batch).map { _ in NewJob(kind: "noop", maxAttempts: 3) }
        var remaining = options.jobs
        while remaining > 0 {
            let count = min(remaining, options.batch)
            _ = try await store.jobInsertMany(Array(batch.prefix(count)), now: Date())
            remaining -= count
        }
    }

    private func drain(_ store: SQLiteJobStore) async throws {
        var configuration = poolConfiguration()
        configuration.drain = true
        let pool = try WorkerPool(store: store, registry: JobRegistry([BuiltinKinds.noop]), configuration: configuration, logger: quietLogger())
        try await pool.run()
    }

    private func measureLatency(_ store: SQLiteJobStore) async throws -> [Double] {
        let (starts, continuation) = AsyncStream.makeStream(of: ContinuousClock.Instant.self)
        let probe = JobKind(name: "latency") { _ in
            continuation.yield(.now)
            return .completed
        }
        let pool = try WorkerPool(store: store, registry: JobRegistry([probe]), configuration: poolConfiguration(), logger: quietLogger())
        let running = Task { try await pool.run() }
        var iterator = starts.makeAsyncIterator()
        var samples: [Double] = []
        for _ in 0..<options.latencySamples {
            let enqueued = ContinuousClock.now
            _ = try await store.jobInsertMany([NewJob(kind: "latency", maxAttempts: 1)], now: Date())
            guard let started = await iterator.next() else { break }
            samples.append((started - enqueued).timeInterval)
        }
        pool.stop()
        try await running.value
        return samples
    }

    private func poolConfiguration() -> WorkerPoolConfiguration {
        var configuration = WorkerPoolConfiguration()
        configuration.queues = ["default": options.concurrency]
        configuration.claimBatchSize = options.concurrency
        return configuration
    }

    private func quietLogger() -> Logger {
        var logger = Logger(label: "steward.bench")
        logger.logLevel = .error
        return logger
    }

    private func time(_ body: () async throws -> Void) async throws -> Double {
        let start = ContinuousClock.now
        try await body()
        return (ContinuousClock.now - start).timeInterval
    }

    private func percentile(_ values: [Double], _ p: Double) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        return sorted[min(sorted.count - 1, Int(Double(sorted.count - 1) * p + 0.5))]
    }

    private func round3(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }
}
