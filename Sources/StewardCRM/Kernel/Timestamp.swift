import Foundation

/// Timestamps written into CRM rows: ISO 8601 UTC, second precision.
enum Timestamp {
    static func iso(_ date: Date) -> String { date.formatted(.iso8601) }
}
