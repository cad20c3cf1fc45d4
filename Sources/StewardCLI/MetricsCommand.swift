import ArgumentParser
import Metrics
import Prometheus
import StewardCore
import StewardSQLite

/// `steward metrics`: the queue's gauges from the database in Prometheus text format. The pool's
/// own counters and timers (run time, wait time, retries, rescues) are per process: `steward run
/// --metrics-file` writes them.
struct MetricsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "metrics", abstract: "Print queue gauges in Prometheus text format.")

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let counts = try await database.open(mustExist: true).jobCountByState()
        let registry = PrometheusCollectorRegistry()
        let descriptor = MetricNameDescriptor(metricName: "steward_jobs", unitName: "", helpText: "Jobs by queue and state")
        let queues = Set(counts.map(\.queue))
        for queue in queues.sorted() {
            for state in JobState.allCases {
                let value = counts.first { $0.queue == queue && $0.state == state }?.count ?? 0
                registry.makeGauge(descriptor: descriptor, labels: [("queue", queue), ("state", state.rawValue)]).set(Double(value))
            }
        }
        CommandContext.current.output.write(registry.emitToString())
    }
}
