public import Foundation

/// A cron expression and the time zone whose wall clock it is read on (UTC unless given).
public struct CronSchedule: Sendable, Hashable, CustomStringConvertible {
    public var expression: CronExpression
    public var timeZone: TimeZone

    public init(_ expression: CronExpression, timeZone: TimeZone = .gmt) {
        self.expression = expression
        self.timeZone = timeZone
    }

    /// `timeZone` is an IANA name such as `Europe/Berlin`; nil means UTC.
    public init(parsing text: String, timeZone identifier: String? = nil) throws {
        let expression = try CronExpression(parsing: text)
        guard let identifier else {
            self.init(expression)
            return
        }
        guard let zone = TimeZone(identifier: identifier) else {
            throw StewardError.cron(expression.description, "time zone '\(identifier)' is not a known IANA name", fix: "write e.g. UTC, Europe/Berlin or America/New_York")
        }
        self.init(expression, timeZone: zone)
    }

    public var description: String { "\(expression) (\(timeZone.identifier))" }

    public func nextFireDate(after date: Date) -> Date? {
        expression.nextFireDate(after: date, in: timeZone)
    }

    public func fireDates(after date: Date, count: Int) -> [Date] {
        expression.fireDates(after: date, in: timeZone, count: count)
    }
}
