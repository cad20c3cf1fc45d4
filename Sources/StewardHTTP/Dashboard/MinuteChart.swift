import Foundation
import StewardApp
import StewardCore

/// A queue's last hour as two small bar charts (completions, failures), drawn on the server as
/// inline SVG through the `chart` template, so every label is escaped like the rest of the
/// page: one bar per minute, scaled to the hour's busiest minute, its numbers on hover.
enum MinuteChart {
    static let height = 30.0
    static let barPitch = 3

    static func completions(_ series: ActivitySeries) -> [String: Any] {
        chart(series, tone: "done", label: "jobs completed per minute, last hour") { ($0.completed, "\($0.completed) completed") }
    }

    static func failures(_ series: ActivitySeries) -> [String: Any] {
        chart(series, tone: "failed", label: "failed and retried attempts per minute, last hour") {
            ($0.failures, "\($0.failed) failed, \($0.retried) retried")
        }
    }

    private static func chart(_ series: ActivitySeries, tone: String, label: String,
                              value: (JobMinute) -> (Int, String)) -> [String: Any] {
        let values = series.minutes.map(value)
        let peak = values.map(\.0).max() ?? 0
        let bars = zip(series.minutes.indices, values).compactMap { index, entry -> [String: Any]? in
            guard entry.0 > 0 else { return nil }
            let barHeight = max(1, (Double(entry.0) / Double(peak) * height).rounded())
            return ["x": index * barPitch, "y": height - barHeight, "height": barHeight,
                    "detail": "\(PageFormat.clock(series.minutes[index].minute)) — \(entry.1)"]
        }
        let total = values.map(\.0).reduce(0, +)
        var chart: [String: Any] = ["tone": tone, "width": series.minutes.count * barPitch, "height": height, "bars": bars, "total": total, "peak": peak,
                "label": "\(total) \(label) (busiest minute: \(peak))"]
        chart["idle"] = total == 0 ? true : nil
        return chart
    }
}
