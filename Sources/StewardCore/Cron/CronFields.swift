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
    }

    private static func wrongFieldCount(_ count: Int, _ expression: String) -> StewardError {
        let fix = count == 6
            ? "seconds and years are not supported; write minute hour day-of-month month day-of-week"
            : "write minute hour day-of-month month day-of-week, e.g. '*/15 * * * *', or a macro such as @daily"
        return .cron(expression, "expected 5 fields, found \(count)", fix: fix)
    }
}
