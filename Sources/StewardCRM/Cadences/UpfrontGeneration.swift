import Foundation
import GRDB
import StewardWorkflows

/// Upfront generation as one `INSERT … SELECT` per cadence version: every step of every
/// enrollment in a batch, due dates and subjects computed by SQLite, so a batch costs one
/// statement instead of a round trip per activity. Due dates come from `CadenceCalendar`, once
/// per (enrollment day, step) and joined in as a small table, so the arithmetic lives in one
/// place; subjects render like `TemplateText` (`CadenceSQLTests` checks both).
enum UpfrontGeneration {
    /// Plans every missing step of the given Active enrollments (all on `template`'s version);
    /// returns how many activities were created.
    static func insert(_ template: CadenceTemplate, enrollments: [Int64], days: Set<CRMDay>, db: Database, now: String) throws -> Int {
        let texts = template.steps.map { (TemplateText($0.subject), $0.description.map(TemplateText.init)) }
        let fields = Set(texts.flatMap { $0.0.fields + ($0.1?.fields ?? []) })
        let ids = "[" + enrollments.map(String.init).joined(separator: ",") + "]"
        let dues = days.flatMap { day in
            template.steps.enumerated().map { [day.description, $0.offset + 1, template.calendar.day($0.element.day, after: day).description] as [any DatabaseValueConvertible] }
        }
        let values = Array(repeating: "(?, ?, ?)", count: dues.count).joined(separator: ", ")
        try db.execute(sql: """
            WITH dues(day, step, due) AS (VALUES \(values))
            INSERT INTO activities (type, subject, description, status, due_date, owner_user_id, account_id, opportunity_id, contact_id,
                                    target_id, cadence_enrollment_id, cadence_step_number, created_at)
            SELECT s.type, \(caseByStep(texts.map(\.0))), \(caseByStep(texts.map(\.1))), 'Planned', d.due,
                   e.owner_user_id, e.account_id, \(recordID(.opportunity)), \(recordID(.contact)), \(recordID(.target)),
                   e.enrollment_id, s.step_number, ?
            FROM json_each(?) j JOIN cadence_enrollments e ON e.enrollment_id = j.value
            JOIN cadence_steps s ON s.cadence_id = e.cadence_id AND s.version = e.cadence_version
            JOIN dues d ON d.day = e.enrolled_on AND d.step = s.step_number
            \(joins(fields))
            WHERE e.status = 'Active' AND e.cadence_id = ? AND e.cadence_version = ?
            ON CONFLICT DO NOTHING
            """, arguments: StatementArguments(Array(dues.joined()))! + [now, ids, template.cadenceID, template.version])
        return db.changesCount
    }

    private static func recordID(_ type: CRMRecordType) -> String {
        "CASE WHEN e.record_type = '\(type.rawValue)' THEN e.record_id END"
    }

    /// One template per step, as SQL text concatenation.
    private static func caseByStep(_ texts: [TemplateText?]) -> String {
        let cases = texts.enumerated().map { index, text in "WHEN \(index + 1) THEN \(text.map(concatenation) ?? "NULL")" }
        return "CASE s.step_number \(cases.joined(separator: " ")) END"
    }

    private static func concatenation(_ text: TemplateText) -> String {
        let parts = text.pieces.map { piece -> String in
            switch piece {
            case let .text(literal): "'" + literal.replacingOccurrences(of: "'", with: "''") + "'"
            case let .field(name): column(name).map(renderedText) ?? "''"
            }
        }
        return parts.isEmpty ? "''" : parts.joined(separator: " || ")
    }

    /// `prefix.field` as a column of its joined table, when the allow-list knows it.
    private static func column(_ name: String) -> String? {
        let parts = name.split(separator: ".", maxSplits: 1).map(String.init)
        guard parts.count == 2, let (_, entity) = RecordFields.prefixes[parts[0]], entity.fields.contains(parts[1]) else { return nil }
        return "\(parts[0]).\(parts[1])"
    }

    /// A value as `RecordFields` renders it: whole numbers without a decimal point, NULL as ''.
    private static func renderedText(_ column: String) -> String {
        "coalesce(CASE WHEN typeof(\(column)) = 'real' AND \(column) = CAST(\(column) AS INTEGER) THEN CAST(CAST(\(column) AS INTEGER) AS TEXT) ELSE CAST(\(column) AS TEXT) END, '')"
    }

    /// The record tables the templates read, joined under their prefix.
    private static func joins(_ fields: Set<String>) -> String {
        let prefixes = Set(fields.compactMap { $0.split(separator: ".").first.map(String.init) })
        return prefixes.sorted().compactMap { prefix -> String? in
            guard let (type, entity) = RecordFields.prefixes[prefix] else { return nil }
            let key = type.table.key
            if type == .account { return "LEFT JOIN accounts account ON account.account_id = e.account_id" }
            return "LEFT JOIN \(entity.rawValue) \(prefix) ON e.record_type = '\(type.rawValue)' AND \(prefix).\(key) = e.record_id"
        }.joined(separator: "\n")
    }
}
