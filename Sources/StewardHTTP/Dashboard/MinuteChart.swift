import Foundation
import StewardApp
import StewardCore

/// A queue's range (the last hour on the overview, up to 7 days on its own page) as two bar
/// charts, completions and failures, drawn on the server as inline SVG through the `chart`
/// template, so every label is escaped like the rest of the page: one bar per bucket, scaled to
/// the busiest one, its numbers on hover.
enum MinuteChart {
    struct Size {
        var height: Double
        var barPitch: Int
        static let small = Size(height: 30, barPitch: 3)
        static let large = Size(height: 80, barPitch: 6)
    }

    static func completions(_ series: ActivitySeries, size: Size = .small) -> [String: Any] {
        chart(series, size: size, tone: "done", label: "jobs completed") { ($0.completed, "\($0.completed) completed") }
    }

    static func failures(_ series: ActivitySeries, size: Size = .small) -> [String: Any] {
        chart(series, size: size, tone: "failed", label: "failed and retried attempts") {
            ($0.failures, "\($0.failed) failed, \($0.retried) retried")
        }
    }

    private static func chart(_ series: ActivitySeries, size: Size, tone: String, label: String,
                              value: (JobMinute) -> (Int, String)) -> [String: Any] {
        let values = series.minutes.map(value)
        let peak = values.map(\.0).max() ?? 0
        let bars = zip(series.minutes.indices, values).compactMap { index, entry -> [String: Any]? in
            guard entry.0 > 0 else { return nil }
            let barHeight = max(1, (Double(entry.0) / Double(peak) * size.height).rounded())
            return ["x": index * size.barPitch, "y": size.height - barHeight, "height": barHeight, "barWidth": size.barPitch - 1,
                    "detail": "\(when(series.minutes[index].minute, range: series.range)) — \(entry.1)"]
        }
        let total = values.map(\.0).reduce(0, +)
        let range = series.range
        var chart: [String: Any] = [
            "tone": tone, "width": series.minutes.count * size.barPitch, "height": size.height, "bars": bars, "total": total, "peak": peak,
            "label": "\(total) \(label) \(range.perBucket), \(range.last) (busiest: \(peak))", "span": range.last, "per": range.perBucket,
        ]
        chart["idle"] = total == 0 ? true : nil
        return chart
    }

    /// A bar's start: the time of day within the last hour, the full time beyond it.
    private static func when(_ start: Date, range: ActivityRange) -> String {
        range == .hour ? PageFormat.clock(start) : PageFormat.time(start)
    }
}
