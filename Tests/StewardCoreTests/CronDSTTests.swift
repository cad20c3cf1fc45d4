import Foundation
import StewardCore
import Testing

/// DST days in 2026: New York springs forward 03-08 02:00→03:00 and falls back 11-01 02:00→01:00;
/// Berlin springs forward 03-29 02:00→03:00 and falls back 10-25 03:00→02:00.
@Suite("Cron across DST changes")
struct CronDSTTests {
    @Test(arguments: [
        // A fixed time in the skipped hour fires once, when the gap ends; the next day is normal.
        ("30 2 * * *", "2026-03-08T00:00:00-05:00", ["2026-03-08T03:00:00-04:00", "2026-03-09T02:30:00-04:00"]),
        ("0 2 * * *", "2026-03-08T00:00:00-05:00", ["2026-03-08T03:00:00-04:00", "2026-03-09T02:00:00-04:00"]),
        ("0,30 2 * * *", "2026-03-08T00:00:00-05:00", ["2026-03-08T03:00:00-04:00", "2026-03-09T02:00:00-04:00"]),
        ("0 2,3 * * *", "2026-03-08T00:00:00-05:00", ["2026-03-08T03:00:00-04:00", "2026-03-09T02:00:00-04:00"]),
        ("30 1,3 * * *", "2026-03-08T00:00:00-05:00", ["2026-03-08T01:30:00-05:00", "2026-03-08T03:30:00-04:00"]),
        // Schedules that are not a fixed time follow real instants: nothing happens in the gap.
        ("*/30 * * * *", "2026-03-08T01:00:00-05:00", ["2026-03-08T01:30:00-05:00", "2026-03-08T03:00:00-04:00", "2026-03-08T03:30:00-04:00"]),
        ("0 * * * *", "2026-03-08T00:30:00-05:00", ["2026-03-08T01:00:00-05:00", "2026-03-08T03:00:00-04:00"]),
        ("* 2 * * *", "2026-03-08T00:00:00-05:00", ["2026-03-09T02:00:00-04:00"]),
        // A fixed time in the repeated hour fires at its first occurrence only.
        ("30 1 * * *", "2026-11-01T00:00:00-04:00", ["2026-11-01T01:30:00-04:00", "2026-11-02T01:30:00-05:00"]),
        ("30 1 * * *", "2026-11-01T01:40:00-05:00", ["2026-11-02T01:30:00-05:00"]),
        ("0 2 * * *", "2026-11-01T00:00:00-04:00", ["2026-11-01T02:00:00-05:00"]),
        // Others run through both occurrences of the hour.
        ("*/30 * * * *", "2026-11-01T00:45:00-04:00", [
            "2026-11-01T01:00:00-04:00", "2026-11-01T01:30:00-04:00", "2026-11-01T01:00:00-05:00", "2026-11-01T01:30:00-05:00",
            "2026-11-01T02:00:00-05:00",
        ]),
        ("0 * * * *", "2026-11-01T00:30:00-04:00", ["2026-11-01T01:00:00-04:00", "2026-11-01T01:00:00-05:00", "2026-11-01T02:00:00-05:00"]),
        // Before 1970 too: 1969-04-27 sprang forward.
        ("30 2 * * *", "1969-04-27T00:00:00-05:00", ["1969-04-27T03:00:00-04:00", "1969-04-28T02:30:00-04:00"]),
    ])
    func newYork(expression: String, after: String, expected: [String]) throws {
        #expect(try cronFires(expression, "America/New_York", after: after, count: expected.count) == expected.map(cronDate))
    }

    @Test(arguments: [
        ("30 2 * * *", "2026-03-29T00:00:00+01:00", ["2026-03-29T03:00:00+02:00", "2026-03-30T02:30:00+02:00"]),
        ("*/20 * * * *", "2026-03-29T01:50:00+01:00", ["2026-03-29T03:00:00+02:00", "2026-03-29T03:20:00+02:00"]),
        ("@daily", "2026-03-28T12:00:00+01:00", ["2026-03-29T00:00:00+01:00", "2026-03-30T00:00:00+02:00"]),
        ("30 2 * * *", "2026-10-25T00:00:00+02:00", ["2026-10-25T02:30:00+02:00", "2026-10-26T02:30:00+01:00"]),
        ("15 * * * *", "2026-10-25T01:20:00+02:00", ["2026-10-25T02:15:00+02:00", "2026-10-25T02:15:00+01:00", "2026-10-25T03:15:00+01:00"]),
        ("0-59/30 2 * * *", "2026-10-25T00:00:00+02:00", ["2026-10-25T02:00:00+02:00", "2026-10-25T02:30:00+02:00", "2026-10-26T02:00:00+01:00"]),
    ])
    func berlin(expression: String, after: String, expected: [String]) throws {
        #expect(try cronFires(expression, "Europe/Berlin", after: after, count: expected.count) == expected.map(cronDate))
    }

    /// Lord Howe Island moves by 30 minutes: 02:00→02:30 on 2026-10-04, 02:00→01:30 on 2026-04-05.
    @Test func halfHourShift() throws {
        let spring = try cronFires("15 2 * * *", "Australia/Lord_Howe", after: "2026-10-04T00:00:00+10:30", count: 2)
        #expect(spring == ["2026-10-04T02:30:00+11:00", "2026-10-05T02:15:00+11:00"].map(cronDate))
        let autumn = try cronFires("*/20 1 * * *", "Australia/Lord_Howe", after: "2026-04-05T01:30:00+11:00", count: 4)
        #expect(autumn == ["2026-04-05T01:40:00+11:00", "2026-04-05T01:40:00+10:30", "2026-04-06T01:00:00+10:30", "2026-04-06T01:20:00+10:30"].map(cronDate))
    }

    /// Days where cronsim, stepping hours by 3600 s from local midnight, goes astray (see
    /// scripts/cron-diff/cron_diff.py): a real-instant schedule fires at every instant whose wall
    /// time matches.
    @Test(arguments: [
        // Lord Howe falls back 02:00→01:30 on 2030-04-07; 22:00 is an ordinary local time.
        ("* 22 * * *", "Australia/Lord_Howe", "2030-04-07T12:00:00+10:30", ["2030-04-07T22:00:00+10:30", "2030-04-07T22:01:00+10:30"]),
        // …and on 2025-04-06 01:35 happens twice.
        ("35 * * * *", "Australia/Lord_Howe", "2025-04-06T01:00:00+11:00", ["2025-04-06T01:35:00+11:00", "2025-04-06T01:35:00+10:30", "2025-04-06T02:35:00+10:30"]),
        // Santiago skips 2028-09-03 00:00-00:59: hour 1 exists and fires; nothing fires at a midnight that never was.
        ("* 1 * * *", "America/Santiago", "2028-09-02T12:00:00-04:00", ["2028-09-03T01:00:00-03:00", "2028-09-03T01:01:00-03:00"]),
        ("* */16 * */8 SUN", "America/Santiago", "2028-09-01T15:09:08-04:00", ["2028-09-03T16:00:00-03:00"]),
        // A fixed midnight in that gap fires when the gap ends.
        ("@daily", "America/Santiago", "2028-09-02T12:00:00-04:00", ["2028-09-03T01:00:00-03:00", "2028-09-04T00:00:00-03:00"]),
    ])
    func changesThatAreNotWholeHours(expression: String, zone: String, after: String, expected: [String]) throws {
        #expect(try cronFires(expression, zone, after: after, count: expected.count) == expected.map(cronDate))
    }
}
