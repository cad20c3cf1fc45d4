import Foundation
import StewardCore
import Testing

@Suite("Cron expressions as written")
struct CronParsingTests {
    @Test(arguments: [
        ("*/15 * * * *", "0,15,30,45 * * * *"),
        ("10-50/10 * * * *", "10,20,30,40,50 * * * *"),
        ("5/15 * * * *", "5,20,35,50 * * * *"),
        ("0 9-17/4 * * *", "0 9,13,17 * * *"),
        ("0 9 * jan-Mar MON-fri", "0 9 * 1-3 1-5"),
        ("0 9 * * SUN", "0 9 * * 7"),
        ("0 9 * * 5-7", "0 9 * * 0,5,6"),
        ("0 9 * * */2", "0 9 * * 0,2,4,6"),
        ("0 0 1 */3 *", "0 0 1 1,4,7,10 *"),
        ("0 0 1 9-9/2 *", "0 0 1 9 *"),  // Vixie; cronsim reads it as 9/2
        ("0 0 * * 1-7/2", "0 0 * * 1,3,5,0"),
        ("  0\t0  * * *  ", "0 0 * * *"),
    ])
    func spellingsOfTheSameSchedule(written: String, plain: String) throws {
        #expect(try CronExpression(parsing: written) == CronExpression(parsing: plain))
    }

    @Test(arguments: [
        ("@yearly", "0 0 1 1 *"), ("@annually", "0 0 1 1 *"), ("@monthly", "0 0 1 * *"), ("@weekly", "0 0 * * 0"),
        ("@daily", "0 0 * * *"), ("@midnight", "0 0 * * *"), ("@hourly", "0 * * * *"), ("@DAILY", "0 0 * * *"),
    ])
    func macros(macro: String, expansion: String) throws {
        let parsed = try CronExpression(parsing: macro)
        #expect(parsed == (try CronExpression(parsing: expansion)))
        #expect(parsed.description == macro)
    }

    @Test(arguments: [
        ("61 * * * *", "cron '61 * * * *': minute 61 is out of range 0-59 (minutes go 0-59)"),
        ("0 24 * * *", "cron '0 24 * * *': hour 24 is out of range 0-23 (hours go 0-23)"),
        ("0 0 0 * *", "cron '0 0 0 * *': day-of-month 0 is out of range 1-31 (days of the month go 1-31)"),
        ("0 0 1 13 *", "cron '0 0 1 13 *': month 13 is out of range 1-12 (months go 1-12 or JAN-DEC)"),
        ("0 0 * * 8", "cron '0 0 * * 8': day-of-week 8 is out of range 0-7 (days of the week go 0-7 or SUN-SAT; 0 and 7 are both Sunday)"),
        ("0 0 * FOO *", "cron '0 0 * FOO *': month 'FOO' is not a number or month name (months go 1-12 or JAN-DEC)"),
        ("0 0 * * FUN", "cron '0 0 * * FUN': day-of-week 'FUN' is not a number or day name (days of the week go 0-7 or SUN-SAT; 0 and 7 are both Sunday)"),
        ("MON * * * *", "cron 'MON * * * *': minute 'MON' is not a number (minutes go 0-59)"),
        ("0 22-2 * * *", "cron '0 22-2 * * *': hour range 22-2 runs backwards (ranges do not wrap; write 22-23,0-2 or a list)"),
        ("0 0 * * SAT-SUN", "cron '0 0 * * SAT-SUN': day-of-week range SAT-SUN runs backwards (ranges do not wrap; write SAT-7,0-SUN or a list)"),
        ("*/0 * * * *", "cron '*/0 * * * *': minute step '0' must be a number from 1 to 59 (write e.g. */15 for every 15th value)"),
        ("0 */24 * * *", "cron '0 */24 * * *': hour step '24' must be a number from 1 to 23 (write e.g. */15 for every 15th value)"),
        ("1,,2 * * * *", "cron '1,,2 * * * *': minute '1,,2' has an empty list item (remove the extra comma)"),
        ("-5 * * * *", "cron '-5 * * * *': minute '-5' is negative (minutes go 0-59)"),
        ("0 0 L * *", "cron '0 0 L * *': day-of-month 'L' uses L, W, # or ?, which standard cron does not support (days of the month go 1-31)"),
        ("0 0 * * MON#2", "cron '0 0 * * MON#2': day-of-week 'MON#2' uses L, W, # or ?, which standard cron does not support (days of the week go 0-7 or SUN-SAT; 0 and 7 are both Sunday)"),
        ("* * *", "cron '* * *': expected 5 fields, found 3 (write minute hour day-of-month month day-of-week, e.g. '*/15 * * * *', or a macro such as @daily)"),
        ("0 * * * * *", "cron '0 * * * * *': expected 5 fields, found 6 (seconds and years are not supported; write minute hour day-of-month month day-of-week)"),
        ("", "cron '': expected 5 fields, found 0 (write minute hour day-of-month month day-of-week, e.g. '*/15 * * * *', or a macro such as @daily)"),
        ("@reboot", "cron '@reboot': @reboot is not a schedule macro (use one of @hourly, @daily, @midnight, @weekly, @monthly, @yearly, @annually, or five fields)"),
    ])
    func errorsNameTheFieldAndTheFix(text: String, expected: String) {
        #expect {
            try CronExpression(parsing: text)
        } throws: { error in
            let error = error as? StewardError
            return error?.code == .invalidCron && error?.description == expected
        }
    }

    @Test func unknownTimeZoneIsAnError() {
        #expect {
            try CronSchedule(parsing: "@daily", timeZone: "Europe/Berln")
        } throws: { error in
            (error as? StewardError)?.description
                == "cron '@daily': time zone 'Europe/Berln' is not a known IANA name (write e.g. UTC, Europe/Berlin or America/New_York)"
        }
    }

    @Test func scheduleDefaultsToUTC() throws {
        let schedule = try CronSchedule(parsing: "0 12 * * *")
        #expect(schedule.timeZone.secondsFromGMT() == 0)
        #expect(try CronSchedule(parsing: "0 12 * * *", timeZone: "Asia/Tokyo").timeZone.identifier == "Asia/Tokyo")
    }
}
