import StewardCRM
import StewardWorkflows
import Testing

@Suite("Cadence calendar")
struct CadenceCalendarTests {
    let business = CadenceCalendar(.business)
    let calendar = CadenceCalendar(.calendar)

    func day(_ text: String) -> CRMDay { CRMDay(text)! }

    @Test func daysRoundTripThroughText() {
        for text in ["1970-01-01", "2024-02-29", "2026-12-31", "2000-03-01"] { #expect(day(text).description == text) }
        #expect(CRMDay("2026-02-29") == nil)
        #expect(CRMDay("2026-13-01") == nil)
        #expect(CRMDay("26-01-01") == nil)
        #expect(day("2026-11-23").weekdayFromMonday == 0, "a Monday")
        #expect(day("2026-11-29").isWeekend, "a Sunday")
    }

    @Test(arguments: [
        // (start, offset, expected): Friday + 1 → Monday, across a month end and a leap day.
        ("2026-01-30", 1, "2026-02-02"), ("2026-01-30", 0, "2026-01-30"), ("2026-01-29", 2, "2026-02-02"),
        ("2026-02-27", 5, "2026-03-06"), ("2024-02-28", 1, "2024-02-29"), ("2024-02-29", 1, "2024-03-01"),
        ("2026-12-31", 1, "2027-01-01"), ("2026-12-31", 2, "2027-01-04"), ("2026-11-24", 14, "2026-12-14"),
        // A weekend start counts from the next Monday.
        ("2026-01-31", 0, "2026-02-02"), ("2026-02-01", 1, "2026-02-03"), ("2026-01-30", 10, "2026-02-13"),
    ])
    func businessDaysSkipWeekends(start: String, offset: Int, expected: String) {
        #expect(business.day(offset, after: day(start)).description == expected)
    }

    @Test func calendarDaysCountEveryDay() {
        #expect(calendar.day(1, after: day("2026-01-31")).description == "2026-02-01")
        #expect(calendar.day(30, after: day("2026-02-01")).description == "2026-03-03")
        #expect(calendar.day(2, after: day("2026-01-31")).description == "2026-02-02")
    }

    @Test func businessDistanceIsTheInverseOnWorkingDays() {
        let start = day("2026-01-26")
        for offset in 0..<40 {
            #expect(business.distance(from: start, to: business.day(offset, after: start)) == offset, "offset \(offset)")
        }
        #expect(business.distance(from: day("2026-02-06"), to: day("2026-02-02")) == -4)
    }

    @Test func lateCompletionShiftsOnlyWhenAsked() {
        let due = day("2026-03-02"), done = day("2026-03-05")
        #expect(business.nextDue(gap: 3, previousDue: due, previousDone: done, late: .shift).description == "2026-03-10")
        #expect(business.nextDue(gap: 3, previousDue: due, previousDone: done, late: .keep).description == "2026-03-05")
        #expect(business.nextDue(gap: 3, previousDue: due, previousDone: day("2026-02-27"), late: .shift).description == "2026-03-05",
                "an early finish keeps the plan")
    }

    @Test func resumeKeepsTheRemainingDelay() {
        // Paused on Wednesday with an activity due the next Monday (3 business days left);
        // resumed a week later on Wednesday: due 3 business days later, on Monday again.
        #expect(business.resumedDue(day("2026-03-09"), pausedOn: day("2026-03-04"), resumedOn: day("2026-03-11")).description == "2026-03-16")
        // Calendar cadences keep calendar days: 5 days left → 5 days after the resume.
        #expect(calendar.resumedDue(day("2026-03-09"), pausedOn: day("2026-03-04"), resumedOn: day("2026-03-30")).description == "2026-04-04")
        // Due on the pause day: due on the resume day.
        #expect(calendar.resumedDue(day("2026-03-04"), pausedOn: day("2026-03-04"), resumedOn: day("2026-03-10")).description == "2026-03-10")
        // Already overdue when paused: unchanged.
        #expect(business.resumedDue(day("2026-03-02"), pausedOn: day("2026-03-04"), resumedOn: day("2026-03-11")).description == "2026-03-02")
    }
}
