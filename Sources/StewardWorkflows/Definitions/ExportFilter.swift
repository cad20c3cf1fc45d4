import Foundation
import Yams
/// One condition of an export's `where`: `stage: { not_in: [closed_won] }`, `amount: { gte: 1000 }`,
/// `created_at: { gte: -30d }` (relative to the run), or `stage: qualified` (equality).
public struct ExportFilter: Sendable, Equatable {
    public enum Operator: String, Sendable, CaseIterable {
        case eq, ne, `in`, notIn = "not_in", gt, gte, lt, lte
    }

    public enum Value: Sendable, Equatable {
        case text(String)
        case number(Double)
        /// Days relative to the run's date, e.g. -30.
        case daysFromNow(Int)
    }

    public var column: String
    public var op: Operator
    public var values: [Value]

    public init(column: String, op: Operator, values: [Value]) {
        self.column = column
        self.op = op
        self.values = values
    }
}

extension ValueReader {
    func filters(on entity: Entity) -> [ExportFilter]? {
        guard let conditions = mapping() else { return nil }
        var filters: [ExportFilter] = []
        for column in conditions.keys {
            guard let condition = conditions.optional(column) else { continue }
            guard entity.knows(column) else {
                condition.issue("\(entity.rawValue) has no column '\(column)'", fix: Spelling.closest(to: column, in: entity.allColumns).map { "did you mean '\($0)'?" })
                continue
            }
            filters += condition.filterOperators(column: column)
        }
        return filters
    }

    private func filterOperators(column: String) -> [ExportFilter] {
        guard node.mapping != nil else { return filterValues().map { [ExportFilter(column: column, op: .eq, values: $0)] } ?? [] }
        guard let operators = mapping() else { return [] }
        defer { operators.finish() }
        return ExportFilter.Operator.allCases.compactMap { op in
            guard let operand = operators.optional(op.rawValue), let values = operand.filterValues() else { return nil }
            let isList = op == .in || op == .notIn
            if isList != (operand.node.sequence != nil) {
                operand.issue(isList ? "\(op.rawValue) takes a list" : "\(op.rawValue) takes a single value", fix: isList ? "e.g. \(op.rawValue): [a, b]" : nil)
                return nil
            }
            return ExportFilter(column: column, op: op, values: values)
        }
    }

    private func filterValues() -> [ExportFilter.Value]? {
        let items = node.sequence != nil ? (list() ?? []) : [self]
        let values = items.map { $0.filterValue() }
        return values.contains(nil) ? nil : values.compactMap { $0 }
    }

    private func filterValue() -> ExportFilter.Value? {
        guard let text = string() else { return nil }
        if text.hasSuffix("d"), let days = Int(text.dropLast()), text.hasPrefix("-") || text.hasPrefix("+") {
            // A day a hundred years either way is as far as any filter needs, and keeps the
            // date arithmetic exact.
            guard (-36_500...36_500).contains(days) else {
                issue("'\(text)' is more than 100 years from the run's date", fix: "write e.g. -30d or +7d")
                return nil
            }
            return .daysFromNow(days)
        }
        if node.scalar?.style == .plain, let number = Double(text) { return .number(number) }
        return .text(text)
    }
}
