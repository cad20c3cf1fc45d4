import ArgumentParser
import Foundation
import StewardApp
import StewardCore
import StewardSQLite

/// `steward stats`: how many jobs each queue has in each state; with `--last`, what finished in
/// that window per queue and kind, from the engine's per-minute rollup (as the overview shows).
struct StatsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stats", abstract: "Count jobs by queue and state; with --last, what finished lately.")

    @Option(name: .customLong("last"), help: "Also show the attempts that ended in this window per queue and kind, with run-time p50/p95 (e.g. 1h, 30m; at most 7d).")
    var last: String?
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let context = CommandContext.current
        let store = try database.open(mustExist: true)
        let window = try last.map { try DurationParsing.require($0, field: "--last") }
        let counts = Dictionary(grouping: try await store.jobCountByState(), by: \.queue)
        let now = context.clock.now()
        var activity: [JobMinute]?
        if let window { activity = try await ActivityService(store: store).totals(from: now.adding(.zero - window), to: now) }
        if output.json {
            let byState = counts.mapValues { Dictionary(uniqueKeysWithValues: $0.map { ($0.state.rawValue, $0.count) }) }
            guard let activity else { return context.print(try JSONOutput.render(byState)) }
            return context.print(try JSONOutput.render(["counts": byState, "activity": activity.map(Self.json)]))
        }
        let headers = ["QUEUE"] + JobState.allCases.map { $0.rawValue.uppercased() }
        let rows = counts.keys.sorted().map { queue in
            [queue] + JobState.allCases.map { state in String(counts[queue]?.first { $0.state == state }?.count ?? 0) }
        }
        context.print(Table(headers: headers, rows: rows).render())
        if let activity, let last {
            context.print("")
            context.print("Attempts that ended in the last \(last):")
            context.print(Table(headers: ["QUEUE", "KIND", "COMPLETED", "FAILED", "RETRIED", "P50", "P95"], rows: activity.map(Self.row)).render())
        }
    }

    static func row(_ total: JobMinute) -> [String] {
        [total.queue, total.kind, String(total.completed), String(total.failed), String(total.retried),
         total.runTimes.milliseconds(at: 0.5).map { "\($0) ms" } ?? "-", total.runTimes.milliseconds(at: 0.95).map { "\($0) ms" } ?? "-"]
    }

    static func json(_ total: JobMinute) -> [String: Any] {
        var object: [String: Any] = ["queue": total.queue, "kind": total.kind, "completed": total.completed, "failed": total.failed, "retried": total.retried]
        object["run_time_p50_ms"] = total.runTimes.milliseconds(at: 0.5)
        object["run_time_p95_ms"] = total.runTimes.milliseconds(at: 0.95)
        return object
    }
}
