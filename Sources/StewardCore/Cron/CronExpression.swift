import Foundation

/// A standard five-field cron expression — minute, hour, day of month, month, day of week — or
/// one of the `@daily`-style macros, with Vixie cron's rules:
///
/// - lists `1,3,5`, ranges `1-5`, steps `*/15`, `10-50/10`, `5/15` (5 to the field's end);
/// - month and day names `JAN`…`DEC`, `SUN`…`SAT`, in any case; day-of-week 7 is Sunday;
/// - when both day fields are restricted (neither starts with `*`), a day matching either one
///   fires; when either starts with `*`, a day must match both.
///
/// Fire times are read on a wall clock; `nextFireDate(after:in:)` says how DST changes apply.
public struct CronExpression: Sendable, Hashable, CustomStringConvertible {
    /// What the expression matches; two spellings of the same schedule compare equal.
    let fields: CronFields
    /// The text it was parsed from, trimmed.
    public let description: String

    public init(parsing text: String) throws {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        description = trimmed
        fields = try CronFields(parsing: Self.expandMacro(trimmed), quoting: trimmed)
    }

    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.fields == rhs.fields }
    public func hash(into hasher: inout Hasher) { hasher.combine(fields) }

    static let macros: [String: String] = [
        "@yearly": "0 0 1 1 *", "@annually": "0 0 1 1 *", "@monthly": "0 0 1 * *",
        "@weekly": "0 0 * * 0", "@daily": "0 0 * * *", "@midnight": "0 0 * * *", "@hourly": "0 * * * *",
    ]

    private static func expandMacro(_ text: String) throws -> String {
        guard text.hasPrefix("@") else { return text }
        guard let expansion = macros[text.lowercased()] else {
            let known = "@hourly, @daily, @midnight, @weekly, @monthly, @yearly, @annually"
            throw StewardError.cron(text, "\(text) is not a schedule macro", fix: "use one of \(known), or five fields")
        }
        return expansion
    }
}
