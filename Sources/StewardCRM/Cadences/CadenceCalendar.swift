public import StewardWorkflows

/// Due-date arithmetic for one cadence: values in, days out, no I/O.
///
/// Business days skip Saturdays and Sundays. A start that falls on a weekend counts from the
/// next Monday, so "day 0" of a business cadence is always a working day.
public struct CadenceCalendar: Sendable, Equatable {
    public var counting: CadenceDefinition.DayCounting

    public init(_ counting: CadenceDefinition.DayCounting) { self.counting = counting }

    /// The day `offset` days (calendar or business) after `start`.
    public func day(_ offset: Int, after start: CRMDay) -> CRMDay {
        switch counting {
        case .calendar: start.adding(days: offset)
        case .business: Self.businessDay(offset, after: start)
        }
    }

    /// How many days (calendar or business) lie from `start` to `end`; negative when `end` is
    /// earlier. The inverse of `day(_:after:)` for working days.
    public func distance(from start: CRMDay, to end: CRMDay) -> Int {
        switch counting {
        case .calendar: end.number - start.number
        case .business: Self.businessDays(from: start, to: end)
        }
    }

    /// The due day of a step whose predecessor was due on `previousDue` and finished on
    /// `previousDone`: with `shift`, a late finish moves the step by the delay; with `keep`, it
    /// stays where the template put it.
    public func nextDue(gap: Int, previousDue: CRMDay, previousDone: CRMDay?, late: CadenceDefinition.LateSteps) -> CRMDay {
        guard late == .shift, let previousDone, previousDone > previousDue else { return day(gap, after: previousDue) }
        return day(gap, after: previousDone)
    }

    /// Where a planned activity goes when its enrollment resumes: the days it still had to wait
    /// when paused are counted again from the resume day. Activities already overdue at the pause
    /// keep their day.
    public func resumedDue(_ due: CRMDay, pausedOn: CRMDay, resumedOn: CRMDay) -> CRMDay {
        guard due >= pausedOn else { return due }
        return day(distance(from: Self.workingStart(pausedOn, counting), to: due), after: resumedOn)
    }

    private static func workingStart(_ day: CRMDay, _ counting: CadenceDefinition.DayCounting) -> CRMDay {
        counting == .business ? rollToMonday(day) : day
    }

    static func rollToMonday(_ day: CRMDay) -> CRMDay {
        day.isWeekend ? day.adding(days: 7 - day.weekdayFromMonday) : day
    }

    static func businessDay(_ offset: Int, after start: CRMDay) -> CRMDay {
        let first = rollToMonday(start)
        let weekday = first.weekdayFromMonday + offset % 5
        let weekendHops = weekday >= 5 ? 2 : 0
        return first.adding(days: offset / 5 * 7 + offset % 5 + weekendHops)
    }

    /// Working days after `start` up to and including `end` (both rolled to a working day).
    static func businessDays(from start: CRMDay, to end: CRMDay) -> Int {
        guard end >= start else { return -businessDays(from: end, to: start) }
        let from = rollToMonday(start), to = rollToMonday(end)
        let weeks = (to.number - from.number) / 7
        var count = weeks * 5
        var day = from.adding(days: weeks * 7)
        while day < to {
            day = day.adding(days: 1)
            if !day.isWeekend { count += 1 }
        }
        return count
    }
}
