public import Foundation
import StewardCore

/// A calendar day as the CRM stores it (`YYYY-MM-DD`, UTC), counted in days from 1970-01-01 so
/// that due-date arithmetic is integer arithmetic with no time zone or DST in the way.
public struct CRMDay: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var number: Int

    public init(number: Int) { self.number = number }

    public init(year: Int, month: Int, day: Int) {
        number = CivilDay(year: year, month: month, day: day).number
    }

    /// The UTC day of an instant.
    public init(_ date: Date) {
        number = Int((date.timeIntervalSince1970 / 86_400).rounded(.down))
    }

    /// The day an instant falls on in `timeZone` (a rule's, a person's): a scan at 01:00 in
    /// Tokyo belongs to Tokyo's day, not to UTC's day before.
    public init(_ date: Date, in timeZone: TimeZone) {
        self.init(date.addingTimeInterval(TimeInterval(timeZone.secondsFromGMT(for: date))))
    }

    /// Parses `YYYY-MM-DD` (a longer timestamp's first ten characters are accepted too); nil
    /// when it is not a real date.
    public init?(_ text: String) {
        let parts = text.prefix(10).split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), (1...CivilDay.length(ofMonth: month, in: year)).contains(day) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    public var civil: (year: Int, month: Int, day: Int) {
        let day = CivilDay(number: number)
        return (day.year, day.month, day.day)
    }

    public var description: String {
        let (year, month, day) = civil
        return String(format: "%04d-%02d-%02d", year, month, day)
    }

    /// 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday).
    public var weekdayFromMonday: Int { ((number % 7) + 7 + 3) % 7 }

    public var isWeekend: Bool { weekdayFromMonday >= 5 }

    public func adding(days: Int) -> CRMDay { CRMDay(number: number + days) }

    public static func < (lhs: CRMDay, rhs: CRMDay) -> Bool { lhs.number < rhs.number }
}
