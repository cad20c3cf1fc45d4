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
}
