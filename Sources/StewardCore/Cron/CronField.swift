/// The five positions of a cron expression, with the values and names each accepts.
enum CronField: Int, CaseIterable, Sendable {
    case minute, hour, dayOfMonth, month, dayOfWeek

    var name: String {
        switch self {
        case .minute: "minute"
        case .hour: "hour"
        case .dayOfMonth: "day-of-month"
        case .month: "month"
        case .dayOfWeek: "day-of-week"
        }
    }

    /// Day-of-week takes 7 as well as 0 for Sunday, as Vixie cron does.
    var range: ClosedRange<Int> {
        switch self {
        case .minute: 0...59
        case .hour: 0...23
        case .dayOfMonth: 1...31
        case .month: 1...12
        case .dayOfWeek: 0...7
        }
    }

    /// Names accepted in place of numbers, upper-cased, in value order from `range.lowerBound`.
    var names: [String] {
        switch self {
        case .month: ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]
        case .dayOfWeek: ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"]
        default: []
        }
    }

    /// The accepted forms, said as a fix.
    var accepted: String {
        switch self {
        case .minute: "minutes go 0-59"
        case .hour: "hours go 0-23"
        case .dayOfMonth: "days of the month go 1-31"
        case .month: "months go 1-12 or JAN-DEC"
        case .dayOfWeek: "days of the week go 0-7 or SUN-SAT; 0 and 7 are both Sunday"
        }
    }
}
