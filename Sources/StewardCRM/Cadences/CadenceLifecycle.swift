import Foundation
import GRDB
import StewardCore
import StewardSQLite
import StewardWorkflows

/// Enrollment changes inside a caller's transaction: enroll, pause, resume, stop, progress.
/// Each writes its rows, an audit entry and any follow-up job together.
struct CadenceLifecycle {
    let store: SQLiteJobStore
    let db: Database
    let now: Date
    let actor: String
    var requestID: String? = nil

    var today: CRMDay { CRMDay(now) }

    /// Enrolls a record, or returns its open enrollment in this cadence. A record in a final
    /// state (a closed deal, a converted target) is refused: its stop may already have run.
    func enroll(_ definition: CadenceDefinition, record: CRMRecordRef, on day: CRMDay?, source: String,
                syncFile: Bool, afterEvent event: Int64? = nil) throws -> (CadenceEnrollment, inserted: Bool) {
        let owner = try RecordOwner.of(record, db: db)
        if let state = owner.finalState {
            throw StewardError(.recordClosed, "\(record) is \(state); a closed record is not enrolled in '\(definition.name)'",
                               fix: "enroll an open record")
        }
        if let event, let stop = try StopEvents.first(definition.stopOn.map(\.rawValue), for: record, after: event, db: db) {
            throw StewardError(.recordClosed, "\(record) had \(stop.name) (event \(stop.id)) after event \(event); not enrolled in '\(definition.name)'",
                               fix: "enroll it by hand if it should still follow the cadence")
        }
        let template = try syncFile ? CadenceTemplateRecords.sync(definition, in: db, now: now)
            : CadenceTemplateRecords.current(definition, in: db, now: now)
        guard let id = try CadenceEnrollmentRecords.insert(template, record: record, owner: owner, on: day ?? today, source: source, db: db, now: now) else {
            guard let existing = try CadenceEnrollmentRecords.openEnrollment(cadenceID: template.cadenceID, record: record, db: db) else {
                throw StewardError(.invalidChange, "\(record) could not be enrolled in '\(definition.name)'")
            }
            return (existing, false)
        }
        try AuditLog.record("cadence.enrolled", entity: "cadence_enrollments", id: id,
                            details: ["cadence": definition.name, "record": record.description, "source": source], actor: actor, requestID: requestID, db: db, now: now)
        _ = try store.enqueue([CadenceJobs.generateJob([id])], in: db, now: now)
        return (try CadenceEnrollmentRecords.require(id, db: db), true)
    }

    func pause(_ id: Int64) throws -> CadenceEnrollment {
        let enrollment = try require(id, in: [.active], to: "pause")
        try CadenceEnrollmentRecords.setStatus(id, .paused, day: today, db: db)
        try audit("cadence.paused", enrollment)
        return try CadenceEnrollmentRecords.require(id, db: db)
    }

    /// Planned activities wait as many (business) days after the resume as they had left at the
    /// pause; then generation catches up on anything a stepwise cadence could not plan meanwhile.
    func resume(_ id: Int64) throws -> CadenceEnrollment {
        let enrollment = try require(id, in: [.paused], to: "resume")
        let template = try template(of: enrollment)
        let pausedOn = enrollment.pausedOn ?? today
        let activities = try ActivityRecords.byStep(enrollment: id, db: db)
        for activity in activities.values where activity.status == .planned {
            guard let due = activity.dueDate else { continue }
            try ActivityRecords.setDue(activity.id, template.calendar.resumedDue(due, pausedOn: pausedOn, resumedOn: today), db: db)
        }
        if activities.isEmpty {
            // Paused before anything was planned: the whole cadence starts later by the pause.
            try CadenceEnrollmentRecords.setEnrolledOn(id, enrollment.enrolledOn.adding(days: max(0, today.number - pausedOn.number)), db: db)
        }
        try CadenceEnrollmentRecords.setStatus(id, .active, day: today, db: db)
        if template.generate == .stepwise, !activities.isEmpty { try planNextStep(id, pausedOn: pausedOn) }
        try audit("cadence.resumed", enrollment, ["paused_on": pausedOn.description])
        _ = try store.enqueue([CadenceJobs.generateJob([id])], in: db, now: now)
        return try CadenceEnrollmentRecords.require(id, db: db)
    }

    /// A stepwise step done before or during the pause: its successor waits what it had left.
    private func planNextStep(_ id: Int64, pausedOn: CRMDay) throws {
        var generator = CadenceGenerator()
        try generator.generateResumed(try CadenceEnrollmentRecords.require(id, db: db),
                                      pause: CadencePlanner.Pause(pausedOn: pausedOn, resumedOn: today), db: db, now: now)
    }

    /// Stops an open enrollment and cancels its planned activities.
    func stop(_ id: Int64, reason: String) throws -> CadenceEnrollment {
        let enrollment = try require(id, in: [.active, .paused], to: "stop")
        try CadenceEnrollmentRecords.setStatus(id, .stopped, day: today, reason: reason, db: db)
        let cancelled = try ActivityRecords.cancelPlanned(enrollment: id, db: db)
        try audit("cadence.stopped", enrollment, ["reason": reason, "cancelled_activities": cancelled])
        return try CadenceEnrollmentRecords.require(id, db: db)
    }

    /// What a `stop_on` event does: stops the record's open enrollments in that cadence.
    func stopOpen(cadence: String, record: CRMRecordRef, reason: String) throws -> [CadenceEnrollment] {
        try CadenceEnrollmentRecords.open(cadence: cadence, record: record, db: db).map { try stop($0.id, reason: reason) }
    }

    /// A cadence activity was done: the enrollment advances, later steps shift when it was late,
    /// a stepwise cadence plans the next step. The enrollment completes once every step is done,
    /// so an earlier step left open when the last one is done early stays on the owner's list.
    func activityDone(_ activity: CRMActivity, on day: CRMDay) throws {
        guard let id = activity.enrollmentID, let step = activity.stepNumber,
              let enrollment = try CadenceEnrollmentRecords.find(id, db: db), enrollment.status.isOpen else { return }
        try CadenceEnrollmentRecords.advance(id, toStep: step, db: db)
        let template = try template(of: enrollment)
        if template.generate == .upfront, let due = activity.dueDate {
            let planned = try ActivityRecords.byStep(enrollment: id, db: db)
            // Done during a pause: the delay counts to the pause only (resume adds the rest).
            let done = enrollment.pausedOn.map { min(day, $0) } ?? day
            for move in CadencePlanner.shifted(template, doneStep: step, due: due, done: done, planned: planned) {
                try ActivityRecords.setDue(move.activity, move.due, db: db)
            }
        }
        if try ActivityRecords.allDone(enrollment: id, steps: template.steps.count, db: db) {
            try complete(enrollment)
        } else if template.generate == .stepwise {
            _ = try store.enqueue([CadenceJobs.generateJob([id])], in: db, now: now)
        }
    }

    private func complete(_ enrollment: CadenceEnrollment) throws {
        try CadenceEnrollmentRecords.setStatus(enrollment.id, .completed, day: today, db: db)
        try audit("cadence.completed", enrollment)
        let payload: [String: Any] = ["enrollment_id": enrollment.id, "cadence": enrollment.cadence,
                                      enrollment.record.type.payloadKey: enrollment.record.id]
        try store.recordEvent(EventName.cadenceCompleted.rawValue, payload: JSONText.object(payload), in: db, now: now)
    }

    func template(of enrollment: CadenceEnrollment) throws -> CadenceTemplate {
        try CadenceTemplateRecords.load(enrollment, db: db)
    }

    private func require(_ id: Int64, in states: Set<EnrollmentStatus>, to verb: String) throws -> CadenceEnrollment {
        let enrollment = try CadenceEnrollmentRecords.require(id, db: db)
        guard states.contains(enrollment.status) else {
            throw StewardError(.invalidTransition, "enrollment \(id) is \(enrollment.status.rawValue); only \(states.map(\.rawValue).sorted().joined(separator: " or ")) enrollments can \(verb)",
                               fix: "steward cadences show \(enrollment.cadence) lists its enrollments and their status")
        }
        return enrollment
    }

    private func audit(_ action: String, _ enrollment: CadenceEnrollment, _ details: [String: Any] = [:]) throws {
        try AuditLog.record(action, entity: "cadence_enrollments", id: enrollment.id,
                            details: details.merging(["cadence": enrollment.cadence, "record": enrollment.record.description]) { $1 },
                            actor: actor, requestID: requestID, db: db, now: now)
    }
}
