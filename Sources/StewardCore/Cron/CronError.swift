extension StewardError.Code {
    /// A cron expression or its time zone could not be read.
    public static let invalidCron = Self(rawValue: "invalid_cron")
}

extension StewardError {
    /// `cron '<text>': <problem> (<fix>)`: every cron error quotes the whole expression, so a
    /// message read in a log still says which schedule was wrong.
    static func cron(_ expression: String, _ problem: String, fix: String) -> StewardError {
        StewardError(.invalidCron, "cron '\(expression)': \(problem)", fix: fix)
    }
}
