import Foundation
import Metrics
import Synchronization

/// The pool's swift-metrics instruments, created once per label set and reused on the hot path.
/// Names follow Prometheus conventions; the exporter is whatever factory the process bootstraps.
final class PoolMetrics: Sendable {
    private struct Key: Hashable {
        var name: String
        var dimensions: [String]
    }

    private let factory: any MetricsFactory
    private let outcomes = Mutex<[JobState: Int]>([:])
    private let counters = Mutex<[Key: Counter]>([:])
    private let timers = Mutex<[Key: Metrics.Timer]>([:])
    private let gauges = Mutex<[Key: Gauge]>([:])

    init(factory: any MetricsFactory) {
        self.factory = factory
    }

    /// Outcomes recorded by this pool since it started, by resulting state.
    var outcomeCounts: [JobState: Int] { outcomes.withLock { $0 } }

    func recordStart(_ job: Job, at start: Date) {
        let waited = max(0, start.timeIntervalSince(job.runAt))
        timer("steward_job_wait_seconds", ["queue", job.queue]).recordSeconds(waited)
    }

    func recordFinish(_ job: Job, outcome: JobOutcome, ran seconds: TimeInterval) {
        outcomes.withLock { $0[outcome.resultingState, default: 0] += 1 }
        timer("steward_job_run_seconds", ["queue", job.queue, "kind", job.kind]).recordSeconds(seconds)
        counter("steward_jobs_finished_total", ["queue", job.queue, "kind", job.kind, "outcome", outcome.resultingState.rawValue]).increment()
        switch outcome {
        case .retry, .retryLater: counter("steward_job_retries_total", ["queue", job.queue, "kind", job.kind]).increment()
        default: break
        }
    }

    func recordRescue(_ job: RescuedJob) {
        counter("steward_jobs_rescued_total", ["queue", job.queue, "kind", job.kind]).increment()
    }

    func recordCounts(_ counts: [JobCount], queues: some Sequence<String>) {
        var byKey: [Key: Int] = [:]
        for queue in queues {
            for state in JobState.allCases { byKey[Key(name: "steward_jobs", dimensions: ["queue", queue, "state", state.rawValue])] = 0 }
        }
        for count in counts { byKey[Key(name: "steward_jobs", dimensions: ["queue", count.queue, "state", count.state.rawValue])] = count.count }
        for (key, value) in byKey { gauge(key).record(value) }
    }

    private func counter(_ name: String, _ dimensions: [String]) -> Counter {
        let key = Key(name: name, dimensions: dimensions)
        return counters.withLock { cache in
            if let found = cache[key] { return found }
            let made = Counter(label: name, dimensions: pairs(dimensions), factory: factory)
            cache[key] = made
            return made
        }
    }

    private func timer(_ name: String, _ dimensions: [String]) -> Metrics.Timer {
        let key = Key(name: name, dimensions: dimensions)
        return timers.withLock { cache in
            if let found = cache[key] { return found }
            let made = Metrics.Timer(label: name, dimensions: pairs(dimensions), preferredDisplayUnit: .seconds, factory: factory)
            cache[key] = made
            return made
        }
    }

    private func gauge(_ key: Key) -> Gauge {
        gauges.withLock { cache in
            if let found = cache[key] { return found }
            let made = Gauge(label: key.name, dimensions: pairs(key.dimensions), factory: factory)
            cache[key] = made
            return made
        }
    }

    /// ["a", "1", "b", "2"] → [("a", "1"), ("b", "2")]
    private func pairs(_ flat: [String]) -> [(String, String)] {
        stride(from: 0, to: flat.count - 1, by: 2).map { (flat[$0], flat[$0 + 1]) }
    }
}

extension Metrics.Timer {
    func recordSeconds(_ seconds: TimeInterval) {
        recordNanoseconds(Int64(seconds * 1e9))
    }
}
