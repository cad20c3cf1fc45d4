import Foundation

/// How pages write times and durations.
enum PageFormat {
    static func time(_ date: Date?) -> String {
        guard let date else { return "" }
        return date.formatted(.iso8601.year().month().day().dateSeparator(.dash).time(includingFractionalSeconds: false).timeSeparator(.colon)) + " UTC"
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
