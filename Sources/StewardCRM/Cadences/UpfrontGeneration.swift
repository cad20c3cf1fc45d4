import Foundation
import GRDB
import StewardWorkflows

/// Upfront generation as one `INSERT … SELECT` per cadence version: every step of every
/// enrollment in a batch, due dates and subjects computed by SQLite, so a batch costs one
/// statement instead of a round trip per activity. Due dates follow `CadenceCalendar` exactly
/// (`CadenceSQLTests` checks the two against each other); subjects render like `TemplateText`.
enum UpfrontGeneration {
    /// Plans every missing step of the given Active enrollments (all on `template`'s version);
    /// returns how many activities were created.
    static func insert(_ template: CadenceTemplate, enrollments: [Int64], db: Database, now: String) throws -> Int {
        let texts = template.steps.map { (TemplateText($0.subject), $0.description.map(TemplateText.init)) }
        let fields = Set(texts.flatMap { $0.0.fields + ($0.1?.fields ?? []) })
        let ids = "[" + enrollments.map(String.init).joined(separator: ",") + "]"
        try db.execute(sql: """
            INSERT INTO activities (type, subject, description, status, due_date, owner_user_id, account_id, opportunity_id, contact_id,
                                    target_id, cadence_enrollment_id, cadence_step_number, created_at)
            SELECT s.type, \(caseByStep(texts.map(\.0))), \(caseByStep(texts.map(\.1))), 'Planned', \(dueDate(template.counting)),
                   e.owner_user_id, e.account_id, \(recordID(.opportunity)), \(recordID(.contact)), \(recordID(.target)),
                   e.enrollment_id, s.step_number, ?
            FROM json_each(?) j JOIN cadence_enrollments e ON e.enrollment_id = j.value
            JOIN cadence_steps s ON s.cadence_id = e.cadence_id AND s.version = e.cadence_version
            \(joins(fields))
            WHERE e.status = 'Active' AND e.cadence_id = ? AND e.cadence_version = ?
            ORDER BY e.enrollment_id, s.step_number
            ON CONFLICT DO NOTHING
            """, arguments: [now, ids, template.cadenceID, template.version])
        return db.changesCount
    }

    private static func recordID(_ type: CRMRecordType) -> String {
        "CASE WHEN e.record_type = '\(type.rawValue)' THEN e.record_id END"
    }

    /// `day_offset` days (calendar or business) after the enrollment day. Business days: a
    /// weekend start rolls to Monday, whole weeks add 7, the rest adds 2 more when it crosses a
    /// weekend.
    static func dueDate(_ counting: CadenceDefinition.DayCounting) -> String {
        switch counting {
        case .calendar:
            return "date(e.enrolled_on, '+' || s.day_offset || ' days')"
        case .business:
            let weekday = "((CAST(strftime('%w', e.enrolled_on) AS INTEGER) + 6) % 7)"
            let roll = "(CASE WHEN \(weekday) >= 5 THEN 7 - \(weekday) ELSE 0 END)"
            let start = "(CASE WHEN \(weekday) >= 5 THEN 0 ELSE \(weekday) END)"
            let days = "(s.day_offset / 5 * 7 + s.day_offset % 5 + CASE WHEN \(start) + s.day_offset % 5 >= 5 THEN 2 ELSE 0 END)"
            return "date(e.enrolled_on, '+' || (\(roll) + \(days)) || ' days')"
        }
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
