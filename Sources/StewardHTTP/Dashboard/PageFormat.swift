import Foundation

/// How pages write times and durations.
enum PageFormat {
    static func time(_ date: Date?) -> String {
        guard let date else { return "" }
        let iso = date.formatted(.iso8601.year().month().day().dateSeparator(.dash).time(includingFractionalSeconds: false).timeSeparator(.colon))
        return iso.replacingOccurrences(of: "T", with: " ") + " UTC"
    }

    static func seconds(_ value: Double) -> String {
        switch value {
        case ..<1: return "0 s"
        case ..<120: return "\(Int(value)) s"
        case ..<7200: return "\(Int(value / 60)) min"
        default: return "\(Int(value / 3600)) h"
        }
    }

    /// `14:03` (UTC), for a minute on a chart.
    static func clock(_ date: Date) -> String {
        String(time(date).dropFirst(11).prefix(5))
    }

    /// A run time: `0.4 ms`, `12 ms`, `1.4 s`, `3 min`.
    static func runTime(_ seconds: Double?) -> String {
        guard let seconds else { return "–" }
        switch seconds {
        case ..<0.01: return String(format: "%.1f ms", seconds * 1000)
        case ..<1: return "\(Int((seconds * 1000).rounded())) ms"
        case ..<120: return String(format: "%.1f s", seconds)
        default: return "\(Int(seconds / 60)) min"
        }
    }
}
