import Foundation
import Yams
/// `kind: export` — a CSV (or XLSX) of one entity with chosen columns and filters, on a schedule
/// or on demand.
public struct ExportDefinition: Sendable, Equatable {
    public enum Format: String, Sendable, CaseIterable { case csv, xlsx }

    public var name: String
    public var timing: ScheduleTiming?
    public var source: Entity
    public var columns: [String]
    public var filters: [ExportFilter]
    /// Columns to sort by; a leading `-` sorts descending.
    public var order: [String]
    public var format: Format
    /// Relative to the export directory; `{date}`, `{time}` and `{name}` are filled in.
    public var path: String
    /// How many past files to keep.
    public var keep: Int
    /// Where `path` was written (or the document, when left out).
    public var pathReference: WorkflowReference

    static func read(_ document: MappingReader, name: String) -> ExportDefinition? {
        let timing = ScheduleTiming.read(document, required: false)
        let source = document.required("source", fix: "e.g. source: opportunities")?.choice(Entity.self)
        let columns = source.flatMap { entity in document.required("columns")?.columns(of: entity) }
        let filters = source.flatMap { entity in document.optional("where")?.filters(on: entity) } ?? []
        let order = source.flatMap { entity in document.optional("order")?.columns(of: entity, allowDescending: true) } ?? []
        let formatReader = document.optional("format")
        let format = formatReader?.choice(Format.self) ?? .csv
        if format == .xlsx {
            // Refused rather than written as CSV under an .xlsx name.
            formatReader?.issue("xlsx output is not available yet", fix: "use format: csv (spreadsheets open it)")
        }
        let pathReader = document.optional("path")
        let path = pathReader?.exportPath() ?? "\(name)-{date}.\(format.rawValue)"
        let keep = document.optional("keep")?.int(in: 1...10_000) ?? 30
        guard let source, let columns else { return nil }
        return ExportDefinition(name: name, timing: timing, source: source, columns: columns, filters: filters,
                                order: order, format: format, path: path, keep: keep,
                                pathReference: WorkflowReference(pathReader ?? document.reader))
    }
}

extension ValueReader {
    func columns(of entity: Entity, allowDescending: Bool = false) -> [String]? {
        guard let items = list() else { return nil }
        if items.isEmpty { issue("list at least one column") }
        let columns = items.map { item -> String? in
            guard let column = item.string() else { return nil }
            let field = allowDescending && column.hasPrefix("-") ? String(column.dropFirst()) : column
            guard entity.knows(field) else {
                let hint = Spelling.closest(to: field, in: entity.allColumns).map { "did you mean '\($0)'?" }
                item.issue("\(entity.rawValue) has no column '\(field)'", fix: hint ?? "known: \(entity.allColumns.joined(separator: ", "))")
                return nil
            }
            return column
        }
        return columns.contains(nil) ? nil : columns.compactMap { $0 }
    }

    /// A relative path inside the export directory, with only known placeholders.
    func exportPath() -> String? {
        guard let path = string() else { return nil }
        let last = path.split(separator: "/").last.map(String.init) ?? ""
        if path.hasSuffix("/") || last.isEmpty || last == "." {
            issue("'\(path)' does not name a file", fix: "end it with a file name, e.g. exports/{name}-{date}.csv")
            return nil
        }
        if path.hasPrefix("/") || path.split(separator: "/").contains("..") {
            issue("'\(path)' leaves the export directory", fix: "write a relative path without '..', e.g. exports/{name}-{date}.csv")
            return nil
        }
        var rest = path
        for placeholder in ["{date}", "{time}", "{name}"] { rest = rest.replacingOccurrences(of: placeholder, with: "") }
        if rest.contains("{") || rest.contains("}") {
            issue("unknown placeholder in '\(path)'", fix: "use {date}, {time} or {name}")
            return nil
        }
        return path
    }
}
