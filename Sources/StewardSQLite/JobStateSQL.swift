import StewardCore

/// SQL spellings of job state facts, kept beside the schema that uses them.
enum JobStateSQL {
    /// The bit of the row's `state`, matching `JobState.bit`.
    static var bitExpression: String {
        let cases = JobState.allCases.map { "WHEN '\($0.rawValue)' THEN \($0.bit)" }.joined(separator: " ")
        return "(CASE state \(cases) END)"
    }
}
