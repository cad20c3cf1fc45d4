/// The parsed content of a cron expression: the allowed values per field, and the two flags
/// that the fields' spelling (not their values) decides.
struct CronFields: Sendable, Hashable {
    var minutes: CronValueSet
    var hours: CronValueSet
    var daysOfMonth: CronValueSet
    var months: CronValueSet
    /// 0 = Sunday … 6 = Saturday; a parsed 7 is stored as 0.
    var daysOfWeek: CronValueSet
    /// Vixie: both day fields restricted (neither starts with `*`) means either may match.
    var eitherDayMatches: Bool
    /// A fixed time of day (neither minute nor hour starts with `*`) is read on the wall clock:
    /// it fires once on DST days. Otherwise the schedule follows real instants. See `CronDST`.
    var followsWallClock: Bool

    init(parsing text: String, quoting expression: String) throws {
        let parts = text.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard parts.count == 5 else { throw Self.wrongFieldCount(parts.count, expression) }
        func parse(_ field: CronField) throws -> CronValueSet {
            try CronFieldParser(field: field, expression: expression).parse(parts[field.rawValue])
        }
        minutes = try parse(.minute)
        hours = try parse(.hour)
        daysOfMonth = try parse(.dayOfMonth)
        months = try parse(.month)
        daysOfWeek = try parse(.dayOfWeek)
        eitherDayMatches = !parts[2].hasPrefix("*") && !parts[4].hasPrefix("*")
        followsWallClock = !parts[0].hasPrefix("*") && !parts[1].hasPrefix("*")
        if let problem = impossibleDays() { throw StewardError.cron(expression, problem, fix: Self.impossibleDaysFix) }
    }

    /// Why no day can ever match, or nil. Every month holds every weekday, so only a
    /// day-of-month that none of the allowed months has (`0 0 30 2 *`, `0 0 31 4 *`) never
    /// fires; when both day fields are restricted, a matching weekday fires anyway.
    func impossibleDays() -> String? {
        guard !canMatchSomeDay, let earliest = daysOfMonth.min else { return nil }
        let months = (1...12).filter(months.contains)
        let names = months.map { Self.monthNames[$0 - 1] }
        let monthList = names.count == 1 ? names[0] : names.dropLast().joined(separator: ", ") + " or " + names[names.count - 1]
        let days = (earliest...31).filter(daysOfMonth.contains).map(String.init).joined(separator: ", ")
        let longest = months.map { CivilDay.length(ofMonth: $0, in: 2000) }.max() ?? 0
        return "day-of-month \(days) never occurs in \(monthList) (at most \(longest) days), so it never fires"
    }

    static let impossibleDaysFix = "pick a day of month the month has, or another month"

    private static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    ]

    private static func wrongFieldCount(_ count: Int, _ expression: String) -> StewardError {
        let fix = count == 6
            ? "seconds and years are not supported; write minute hour day-of-month month day-of-week"
            : "write minute hour day-of-month month day-of-week, e.g. '*/15 * * * *', or a macro such as @daily"
        return .cron(expression, "expected 5 fields, found \(count)", fix: fix)
    }
}
