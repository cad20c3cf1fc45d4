import Foundation
import StewardCore
import Testing

@Suite("Cron fire times")
struct CronFireTimeTests {
    @Test(arguments: [
        ("*/15 * * * *", "2026-01-10T10:07:30Z", ["2026-01-10T10:15:00Z", "2026-01-10T10:30:00Z"]),
        ("0 9 * * MON-FRI", "2026-01-09T09:00:00Z", ["2026-01-12T09:00:00Z", "2026-01-13T09:00:00Z"]),
        ("30 23 31 * *", "2026-01-31T23:30:00Z", ["2026-03-31T23:30:00Z", "2026-05-31T23:30:00Z"]),
        ("0 0 29 2 *", "2026-01-01T00:00:00Z", ["2028-02-29T00:00:00Z", "2032-02-29T00:00:00Z"]),
        ("@yearly", "2026-06-01T00:00:00Z", ["2027-01-01T00:00:00Z", "2028-01-01T00:00:00Z"]),
        ("@weekly", "2026-01-04T00:00:00Z", ["2026-01-11T00:00:00Z", "2026-01-18T00:00:00Z"]),
        ("0 12 * * 7", "2026-01-01T00:00:00Z", ["2026-01-04T12:00:00Z", "2026-01-11T12:00:00Z"]),
        ("59 23 31 12 *", "2026-12-31T23:59:00Z", ["2027-12-31T23:59:00Z"]),
        ("0 0 1 1 *", "1969-06-01T00:00:00Z", ["1970-01-01T00:00:00Z", "1971-01-01T00:00:00Z"]),
        ("*/20 * * * *", "1900-02-28T23:30:00Z", ["1900-02-28T23:40:00Z", "1900-03-01T00:00:00Z"]),
    ])
    func knownFireTimes(expression: String, after: String, expected: [String]) throws {
        #expect(try cronFires(expression, "UTC", after: after, count: expected.count) == expected.map(cronDate))
    }

    /// Both day fields restricted: the 13th OR any Friday (Vixie). 2026-02-13 is a Friday.
    @Test func restrictedDayFieldsMatchEither() throws {
        let fires = try cronFires("0 0 13 * FRI", "UTC", after: "2026-03-01T00:00:00Z", count: 4)
        #expect(fires == ["2026-03-06", "2026-03-13", "2026-03-20", "2026-03-27"].map { cronDate($0 + "T00:00:00Z") })
        let tuesdays = try cronFires("0 0 13 * 2", "UTC", after: "2026-01-01T00:00:00Z", count: 3)
        #expect(tuesdays == ["2026-01-06", "2026-01-13", "2026-01-20"].map { cronDate($0 + "T00:00:00Z") })
    }

    /// A day field starting with `*` (even `*/2`) makes the two fields AND.
    @Test func starredDayFieldMeansBoth() throws {
        let fridays = try cronFires("0 0 */2 * FRI", "UTC", after: "2026-03-01T00:00:00Z", count: 3)
        #expect(fridays == ["2026-03-13", "2026-03-27", "2026-04-03"].map { cronDate($0 + "T00:00:00Z") })
        let thirteenths = try cronFires("0 0 13 * *", "UTC", after: "2026-03-01T00:00:00Z", count: 2)
        #expect(thirteenths == ["2026-03-13", "2026-04-13"].map { cronDate($0 + "T00:00:00Z") })
    }

    @Test func fireTimesAreStrictlyAfter() throws {
        let expression = try CronExpression(parsing: "0 * * * *")
        let onTheHour = cronDate("2026-01-01T10:00:00Z")
        #expect(expression.nextFireDate(after: onTheHour) == cronDate("2026-01-01T11:00:00Z"))
        #expect(expression.nextFireDate(after: onTheHour.addingTimeInterval(-0.5)) == onTheHour)
    }

    /// An expression whose day-of-month no allowed month has can never fire: it is refused when
    /// parsed, naming the day and the months, instead of being accepted and never firing.
    @Test(arguments: [
        ("0 0 30 2 *", "day-of-month 30 never occurs in February (at most 29 days)"),
        ("0 0 31 4,6,9,11 *", "day-of-month 31 never occurs in April, June, September or November (at most 30 days)"),
        ("0 0 31 FEB *", "day-of-month 31 never occurs in February (at most 29 days)"),
        ("0 0 31 4 *", "day-of-month 31 never occurs in April (at most 30 days)"),
        ("0-12/6 0 31 NOV */2", "day-of-month 31 never occurs in November (at most 30 days)"),
        ("0 0 30,31 2 *", "day-of-month 30, 31 never occurs in February (at most 29 days)"),
    ])
    func expressionsThatCanNeverFireAreRefused(expression: String, problem: String) throws {
        let error = try #require(throws: StewardError.self) { try CronExpression(parsing: expression) }
        #expect(error.code == .invalidCron)
        #expect(error.message == "cron '\(expression)': \(problem), so it never fires")
    }

    /// Both day fields restricted: a matching weekday fires even when the day of month cannot.
    @Test func anImpossibleDayWithAWeekdayStillFiresOnTheWeekday() throws {
        let fires = try cronFires("0 0 30 2 MON", "UTC", after: "2026-01-01T00:00:00Z", count: 1)
        #expect(fires == [cronDate("2026-02-02T00:00:00Z")])
    }

    /// 29 February on a Sunday is 2032 then 2060: rare schedules still fire, decades out.
    @Test func rareScheduleFiresDecadesAhead() throws {
        let fires = try cronFires("0 0 29 2 */7", "UTC", after: "2026-01-01T00:00:00Z", count: 2)
        #expect(fires == [cronDate("2032-02-29T00:00:00Z"), cronDate("2060-02-29T00:00:00Z")])
    }

    @Test func fireDatesOfAYearAreCheap() throws {
        let started = ContinuousClock.now
        let fires = try cronFires("*/5 * * * *", "Europe/Berlin", after: "2026-01-01T00:00:00Z", count: 10_000)
        #expect(fires.count == 10_000)
        #expect(zip(fires, fires.dropFirst()).allSatisfy { $1.timeIntervalSince($0) == 300 })
        #expect(ContinuousClock.now - started < .seconds(2))
    }
}
