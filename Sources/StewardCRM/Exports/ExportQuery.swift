import Foundation
import GRDB
import StewardWorkflows

/// The SELECT for an export. Table and column names come only from the entity allow-list (the
/// loader rejected anything else); every value is a bound argument, never spliced.
struct ExportQuery {
    var sql: String
    var arguments: StatementArguments
    var headers: [String]

    init(_ export: ExportDefinition, runDate: Date) {
        let table = export.source.rawValue
        headers = export.columns
        let selected = export.columns.map { Self.qualified($0, table: table) }
        let orderColumns = export.order.map { $0.hasPrefix("-") ? String($0.dropFirst()) : $0 }
        let joins = Set((export.columns + orderColumns + export.filters.map(\.column)).compactMap(Self.joinName))
            .sorted()
            .compactMap { name in export.source.joins[name].map { "LEFT JOIN \($0.rawValue) AS \(name) ON \(name).\($0.fields[0]) = \(table).\($0.fields[0])" } }
        var arguments = StatementArguments()
        let conditions = export.filters.map { Self.condition($0, table: table, runDate: runDate, arguments: &arguments) }
        let order = export.order.isEmpty ? ["\(table).\(export.source.fields[0])"] : export.order.map { Self.orderTerm($0, table: table) }
        sql = "SELECT \(selected.joined(separator: ", ")) FROM \(table) \(joins.joined(separator: " "))"
            + (conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND "))
            + " ORDER BY " + order.joined(separator: ", ")
        self.arguments = arguments
    }

    private static func joinName(_ column: String) -> String? {
        column.contains(".") ? String(column.split(separator: ".")[0]) : nil
    }

    private static func qualified(_ column: String, table: String) -> String {
        column.contains(".") ? column : "\(table).\(column)"
    }

    private static func orderTerm(_ term: String, table: String) -> String {
        term.hasPrefix("-") ? qualified(String(term.dropFirst()), table: table) + " DESC" : qualified(term, table: table)
    }

    private static func condition(_ filter: ExportFilter, table: String, runDate: Date, arguments: inout StatementArguments) -> String {
        let column = qualified(filter.column, table: table)
        arguments += StatementArguments(filter.values.map { bound($0, runDate: runDate) })
        let marks = databaseQuestionMarks(count: filter.values.count)
        switch filter.op {
        case .eq: return "\(column) = ?"
        case .ne: return "\(column) IS NOT ?"
        case .in: return "\(column) IN (\(marks))"
        // "Not one of these" keeps rows with no value at all.
        case .notIn: return "(\(column) IS NULL OR \(column) NOT IN (\(marks)))"
        case .gt: return "\(column) > ?"
        case .gte: return "\(column) >= ?"
        case .lt: return "\(column) < ?"
        case .lte: return "\(column) <= ?"
        }
    }

    private static func bound(_ value: ExportFilter.Value, runDate: Date) -> (any DatabaseValueConvertible)? {
        switch value {
        case let .text(text): text
        case let .number(number): number
        case let .daysFromNow(days): ExportDates.day(runDate.addingTimeInterval(Double(days) * 86400))
        }
    }
}

enum ExportDates {
    /// `2026-01-05`, the form CRM dates are stored in, so comparisons are plain text order.
    static func day(_ date: Date, in timeZone: TimeZone = .gmt) -> String {
        date.formatted(Date.ISO8601FormatStyle(timeZone: timeZone).year().month().day())
    }

    static func time(_ date: Date, in timeZone: TimeZone = .gmt) -> String {
        let text = date.formatted(Date.ISO8601FormatStyle(timeZone: timeZone).time(includingFractionalSeconds: false).timeSeparator(.omitted))
        return String(text.prefix(6))
    }
}
