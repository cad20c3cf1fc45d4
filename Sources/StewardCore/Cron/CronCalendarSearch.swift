/// Jumps through the calendar field by field — month, then day, then hour, then minute — so a
/// yearly schedule costs a few steps, not half a million minutes.
extension CronFields {
    /// Whether some day of some allowed month can ever match. Only a day-of-month that no allowed
    /// month has (`0 0 30 2 *`) makes this false, since every month holds every weekday.
    var canMatchSomeDay: Bool {
        guard !eitherDayMatches, let earliest = daysOfMonth.min else { return true }
        let longest = (1...12).filter(months.contains).map { CivilDay.length(ofMonth: $0, in: 2000) }.max() ?? 0
        return earliest <= longest
    }

    func matches(_ day: CivilDay, number: Int) -> Bool {
        let byMonthDay = daysOfMonth.contains(day.day)
        let byWeekday = daysOfWeek.contains(CivilDay.weekday(ofDayNumber: number))
        return eitherDayMatches ? byMonthDay || byWeekday : byMonthDay && byWeekday
    }

    /// The first matching day number in `start...limit`.
    func firstMatchingDay(from start: Int, through limit: Int) -> Int? {
        var number = start
        var date = CivilDay(number: start)
        while number <= limit {
            guard months.contains(date.month) else {
                date = firstDayOfNextAllowedMonth(after: date)
                number = date.number
                continue
            }
            let length = CivilDay.length(ofMonth: date.month, in: date.year)
            while date.day <= length {
                if matches(date, number: number) { return number <= limit ? number : nil }
                date.day += 1
                number += 1
            }
            date = CivilDay(number: number)
        }
        return nil
    }

    private func firstDayOfNextAllowedMonth(after date: CivilDay) -> CivilDay {
        if let month = months.first(atOrAfter: date.month + 1), month <= 12 {
            return CivilDay(year: date.year, month: month, day: 1)
        }
        return CivilDay(year: date.year + 1, month: months.min ?? 1, day: 1)
    }

    /// The first matching minute of the day (minutes since midnight) in `range`.
    func firstMinute(in range: Range<Int>) -> Int? {
        var hour = range.lowerBound / 60
        var minute = range.lowerBound % 60
        while let nextHour = hours.first(atOrAfter: hour), nextHour < 24 {
            if nextHour != hour { minute = 0 }
            if let nextMinute = minutes.first(atOrAfter: minute), nextMinute < 60 {
                let found = nextHour * 60 + nextMinute
                return found < range.upperBound ? found : nil
            }
            hour = nextHour + 1
            minute = 0
        }
        return nil
    }
}
