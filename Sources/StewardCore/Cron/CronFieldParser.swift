/// Reads one field: a comma-separated list of `*`, `5`, `MON`, `1-5`, each optionally with
/// `/step`. Errors name the field, the offending item and the accepted forms.
struct CronFieldParser {
    let field: CronField
    /// The whole expression, quoted in errors.
    let expression: String

    func parse(_ text: Substring) throws -> CronValueSet {
        var values = CronValueSet()
        for item in text.split(separator: ",", omittingEmptySubsequences: false) {
            values.formUnion(try parseItem(item, in: text))
        }
        // 7 is Sunday's second spelling; matching only ever asks about 0.
        if field == .dayOfWeek, values.contains(7) {
            values.remove(7)
            values.insert(0)
        }
        return values
    }

    private func parseItem(_ item: Substring, in text: Substring) throws -> CronValueSet {
        guard !item.isEmpty else { throw fail("'\(text)' has an empty list item", fix: "remove the extra comma") }
        let parts = item.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        let (range, isSingle) = try parseRange(parts[0])
        guard parts.count == 2 else { return CronValueSet(range) }
        let step = try parseStep(parts[1])
        // `5/15` runs from 5 to the field's end, as cronie and cronsim read it.
        let end = isSingle ? field.range.upperBound : range.upperBound
        return CronValueSet(stride(from: range.lowerBound, through: end, by: step))
    }

    /// `*`, `a` or `a-b`; `isSingle` tells a lone value, which a step extends to the field's end.
    private func parseRange(_ text: Substring) throws -> (ClosedRange<Int>, isSingle: Bool) {
        if text == "*" { return (field.range, false) }
        if text.hasPrefix("-") {
            throw fail("'\(text)' is negative", fix: field.accepted)
        }
        let ends = text.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
        let low = try parseValue(ends[0])
        guard ends.count == 2 else { return (low...low, true) }
        let high = try parseValue(ends[1])
        guard low <= high else {
            throw fail("range \(text) runs backwards", fix: "ranges do not wrap; write \(ends[0])-\(field.range.upperBound),\(field.range.lowerBound)-\(ends[1]) or a list")
        }
        return (low...high, false)
    }

    private func parseValue(_ text: Substring) throws -> Int {
        if let index = field.names.firstIndex(of: text.uppercased()) {
            return field.range.lowerBound + index
        }
        guard !text.isEmpty, text.allSatisfy(\.isASCIIDigit) else { throw notAValue(text) }
        guard let value = Int(text), field.range.contains(value) else {
            throw fail("\(text) is out of range \(field.range.lowerBound)-\(field.range.upperBound)", fix: field.accepted)
        }
        return value
    }

    private func parseStep(_ text: Substring) throws -> Int {
        let limit = field.range.upperBound
        guard !text.isEmpty, text.allSatisfy(\.isASCIIDigit), let step = Int(text), (1...limit).contains(step) else {
            throw fail("step '\(text)' must be a number from 1 to \(limit)", fix: "write e.g. */15 for every 15th value")
        }
        return step
    }

    private func notAValue(_ text: Substring) -> StewardError {
        // Quartz and some crons accept these; say so rather than "not a number".
        if isQuartzSyntax(text.uppercased()) {
            return fail("'\(text)' uses L, W, # or ?, which standard cron does not support", fix: field.accepted)
        }
        let kind = field.names.isEmpty ? "a number" : "a number or \(field == .month ? "month" : "day") name"
        return fail("'\(text)' is not \(kind)", fix: field.accepted)
    }

    /// `L`, `LW`, `15W`, `5L`, `MON#2`, `?`.
    private func isQuartzSyntax(_ text: String) -> Bool {
        if text.contains("#") || text == "?" || text == "L" || text == "LW" { return true }
        guard let last = text.last, last == "L" || last == "W" else { return false }
        return text.dropLast().allSatisfy(\.isASCIIDigit)
    }

    private func fail(_ problem: String, fix: String) -> StewardError {
        .cron(expression, "\(field.name) \(problem)", fix: fix)
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
