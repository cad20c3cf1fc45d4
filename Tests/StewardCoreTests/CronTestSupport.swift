import Foundation
import StewardCore

/// Fire times in tests are written as ISO 8601 with their local offset, so a table reads as the
/// wall clock does: "2026-03-08T03:00:00-04:00".
func cronDate(_ text: String) -> Date {
    guard let date = ISO8601DateFormatter().date(from: text) else { preconditionFailure("bad test date \(text)") }
    return date
}

func cronFires(_ expression: String, _ zone: String, after start: String, count: Int) throws -> [Date] {
    let schedule = try CronSchedule(parsing: expression, timeZone: zone)
    return schedule.fireDates(after: cronDate(start), count: count)
}
