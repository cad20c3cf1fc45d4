import Foundation
import GRDB
import StewardCore
import StewardWorkflows

/// Turns enrollments into planned activities (stepwise ones here, upfront ones in bulk through
/// `UpfrontGeneration`). Idempotent: what exists is never planned again,
/// and the unique index on (enrollment, step) makes a rerun of a half-finished batch harmless.
struct CadenceGenerator {
    private var templates: [String: (CadenceTemplate, TextSet)] = [:]

    /// A template's parsed subject and description texts, and the fields they need.
    private struct TextSet {
        var subjects: [TemplateText]
        var descriptions: [TemplateText?]
        var fields: Set<String>
    }

    /// Plans what each enrollment needs now; returns how many activities were created.
    /// Upfront cadences are planned in bulk per cadence version; stepwise ones one by one.
    mutating func generate(_ enrollmentIDs: [Int64], db: Database, now: Date) throws -> Int {
        let stamp = Timestamp.iso(now)
        var created = 0
        for group in try activeGroups(enrollmentIDs, db: db) {
            let template = try CadenceTemplateRecords.load(group.cadenceID, version: group.version, db: db)
            if template.generate == .upfront {
                created += try UpfrontGeneration.insert(template, enrollments: group.ids, days: group.days, db: db, now: stamp)
                continue
            }
            for id in group.ids {
                guard let enrollment = try CadenceEnrollmentRecords.find(id, db: db) else { continue }
                created += try generate(enrollment, db: db, stamp: stamp)
            }
        }
        return created
    }

    /// The Active enrollments among `ids`, grouped by the cadence version they follow.
    private func activeGroups(_ ids: [Int64], db: Database) throws -> [(cadenceID: Int64, version: Int, ids: [Int64], days: Set<CRMDay>)] {
        let json = "[" + ids.map(String.init).joined(separator: ",") + "]"
        let rows = try Row.fetchAll(db, sql: """
            SELECT e.cadence_id, e.cadence_version, e.enrollment_id, e.enrolled_on FROM json_each(?) j JOIN cadence_enrollments e ON e.enrollment_id = j.value
            WHERE e.status = 'Active' ORDER BY e.cadence_id, e.cadence_version, e.enrollment_id
            """, arguments: [json])
        var groups: [(cadenceID: Int64, version: Int, ids: [Int64], days: Set<CRMDay>)] = []
        for row in rows {
            let (cadence, version, id): (Int64, Int, Int64) = (row[0], row[1], row[2])
            let day = CRMDay(row[3] as String) ?? CRMDay(number: 0)
            if groups.last?.cadenceID != cadence || groups.last?.version != version { groups.append((cadence, version, [], [])) }
            groups[groups.count - 1].ids.append(id)
            groups[groups.count - 1].days.insert(day)
        }
        return groups
    }

    /// Plans the next step of a stepwise enrollment that just resumed, keeping the wait it had left.
    mutating func generateResumed(_ enrollment: CadenceEnrollment, pause: CadencePlanner.Pause, db: Database, now: Date) throws {
        _ = try generate(enrollment, db: db, stamp: Timestamp.iso(now), pause: pause)
    }

    private mutating func generate(_ enrollment: CadenceEnrollment, db: Database, stamp: String, pause: CadencePlanner.Pause? = nil) throws -> Int {
        guard enrollment.status == .active else { return 0 }
        let (template, text) = try template(enrollment, db: db)
        let existing = try ActivityRecords.byStep(enrollment: enrollment.id, db: db)
        let steps = CadencePlanner.plan(template, enrollment: enrollment, existing: existing, pause: pause)
        guard !steps.isEmpty else { return 0 }
        let values = try RecordFields.values(text.fields, record: enrollment.record, accountID: enrollment.accountID, db: db)
        var created = 0
        for step in steps {
            let index = step.number - 1
            let planned = ActivityRecords.Planned(
                enrollment: enrollment, step: step.number, type: template.steps[index].type.rawValue,
                subject: text.subjects[index].render(values), description: text.descriptions[index]?.render(values), due: step.due
            )
            if try ActivityRecords.insert(planned, db: db, now: stamp) { created += 1 }
        }
        return created
    }

    private mutating func template(_ enrollment: CadenceEnrollment, db: Database) throws -> (CadenceTemplate, TextSet) {
        let key = "\(enrollment.cadence)@\(enrollment.cadenceVersion)"
        if let template = templates[key] { return template }
        let template = try CadenceTemplateRecords.load(enrollment, db: db)
        let subjects = template.steps.map { TemplateText($0.subject) }
        let descriptions = template.steps.map { $0.description.map(TemplateText.init) }
        let text = TextSet(subjects: subjects, descriptions: descriptions,
                           fields: Set(subjects.flatMap(\.fields) + descriptions.compactMap { $0?.fields }.flatMap { $0 }))
        templates[key] = (template, text)
        return (template, text)
    }
}
