import Foundation
import GRDB
import StewardCore

/// The SQL of `cadence_enrollments`, in one place.
enum CadenceEnrollmentRecords {
    static let columns = """
        e.enrollment_id, c.name, e.cadence_version, e.record_type, e.record_id, e.account_id, e.owner_user_id, e.status,
        e.current_step, e.enrolled_on, e.paused_on, e.stopped_on, e.stop_reason, e.completed_on, e.source
        """

    /// Inserts an Active enrollment unless the record already has an open one in this cadence
    /// (the partial unique index decides); returns the new id, or nil.
    static func insert(_ template: CadenceTemplate, record: CRMRecordRef, owner: RecordOwner, on day: CRMDay,
                       source: String, db: Database, now: Date) throws -> Int64? {
        try Int64.fetchOne(db, sql: """
            INSERT INTO cadence_enrollments (cadence_id, cadence_version, record_type, record_id, account_id, owner_user_id, status,
                                             enrolled_on, source, created_at)
            VALUES (?, ?, ?, ?, ?, ?, 'Active', ?, ?, ?) ON CONFLICT DO NOTHING RETURNING enrollment_id
            """, arguments: [template.cadenceID, template.version, record.type.rawValue, record.id, owner.accountID, owner.user,
                             day.description, source, Timestamp.iso(now)])
    }

    static func openEnrollment(cadenceID: Int64, record: CRMRecordRef, db: Database) throws -> CadenceEnrollment? {
        try fetchOne("e.cadence_id = ? AND e.record_type = ? AND e.record_id = ? AND e.status IN ('Active', 'Paused')",
                     [cadenceID, record.type.rawValue, record.id], db: db)
    }

    static func find(_ id: Int64, db: Database) throws -> CadenceEnrollment? {
        try fetchOne("e.enrollment_id = ?", [id], db: db)
    }

    static func require(_ id: Int64, db: Database) throws -> CadenceEnrollment {
        guard let enrollment = try find(id, db: db) else {
            throw CRMErrors.notFound("enrollment", id, fix: "steward cadences show NAME lists a cadence's enrollments")
        }
        return enrollment
    }

    /// Open enrollments of a cadence for a record (what a `stop_on` event stops).
    static func open(cadence: String, record: CRMRecordRef, db: Database) throws -> [CadenceEnrollment] {
        try fetchAll("c.name = ? AND e.record_type = ? AND e.record_id = ? AND e.status IN ('Active', 'Paused')",
                     [cadence, record.type.rawValue, record.id], db: db)
    }

    static func list(cadence: String, limit: Int, db: Database) throws -> [CadenceEnrollment] {
        try fetchAll("c.name = ? ORDER BY e.enrollment_id DESC LIMIT ?", [cadence, limit], db: db)
    }

    static func setStatus(_ id: Int64, _ status: EnrollmentStatus, day: CRMDay, reason: String? = nil, db: Database) throws {
        let (assignments, arguments): (String, StatementArguments) = switch status {
        case .active: ("paused_on = NULL", [])
        case .paused: ("paused_on = ?", [day.description])
        case .stopped: ("stopped_on = ?, stop_reason = ?, paused_on = NULL", [day.description, reason])
        case .completed: ("completed_on = ?, paused_on = NULL", [day.description])
        }
        try db.execute(sql: "UPDATE cadence_enrollments SET status = ?, \(assignments) WHERE enrollment_id = ?",
                       arguments: [status.rawValue] + arguments + [id])
    }

    static func setEnrolledOn(_ id: Int64, _ day: CRMDay, db: Database) throws {
        try db.execute(sql: "UPDATE cadence_enrollments SET enrolled_on = ? WHERE enrollment_id = ?", arguments: [day.description, id])
    }

    static func advance(_ id: Int64, toStep step: Int, db: Database) throws {
        try db.execute(sql: "UPDATE cadence_enrollments SET current_step = max(current_step, ?) WHERE enrollment_id = ?", arguments: [step, id])
    }

    private static func fetchOne(_ condition: String, _ arguments: StatementArguments, db: Database) throws -> CadenceEnrollment? {
        try fetchAll(condition, arguments, db: db).first
    }

    private static func fetchAll(_ condition: String, _ arguments: StatementArguments, db: Database) throws -> [CadenceEnrollment] {
        try Row.fetchAll(db.cachedStatement(sql: "SELECT \(columns) FROM cadence_enrollments e JOIN cadences c USING (cadence_id) WHERE \(condition)"),
                         arguments: arguments).map(enrollment(from:))
    }

    static func enrollment(from row: Row) -> CadenceEnrollment {
        CadenceEnrollment(
            id: row[0], cadence: row[1], cadenceVersion: row[2], record: CRMRecordRef(CRMRecordType(rawValue: row[3]) ?? .account, row[4]),
            accountID: row[5], owner: row[6], status: EnrollmentStatus(rawValue: row[7]) ?? .stopped, currentStep: row[8],
            enrolledOn: CRMDay(row[9] as String) ?? CRMDay(number: 0), pausedOn: (row[10] as String?).flatMap(CRMDay.init),
            stoppedOn: (row[11] as String?).flatMap(CRMDay.init), stopReason: row[12], completedOn: (row[13] as String?).flatMap(CRMDay.init),
            source: row[14]
        )
    }
}

/// Who a record belongs to: the owner its activities are planned for, and its account.
struct RecordOwner: Sendable, Equatable {
    var user: String?
    var accountID: Int64?
    /// The final state the record is in (`closed_won`, `converted`…), nil while it is open.
    var finalState: String?

    /// The record's owner and account; a record that does not exist is an error naming it.
    static func of(_ record: CRMRecordRef, db: Database) throws -> RecordOwner {
        let sql = switch record.type {
        case .account: "SELECT owner_user_id, account_id, NULL FROM accounts WHERE account_id = ?"
        case .opportunity: "SELECT owner_user_id, account_id, CASE WHEN stage IN ('closed_won', 'closed_lost') THEN stage END FROM opportunities WHERE opportunity_id = ?"
        case .contact: "SELECT a.owner_user_id, c.account_id, NULL FROM contacts c LEFT JOIN accounts a USING (account_id) WHERE c.contact_id = ?"
        case .target: "SELECT owner_user_id, account_id, CASE WHEN status IN ('converted', 'dropped') THEN status END FROM prospecting_targets WHERE target_id = ?"
        }
        guard let row = try Row.fetchOne(db.cachedStatement(sql: sql), arguments: [record.id]) else {
            throw CRMErrors.notFound(record.type.rawValue, record.id, fix: "check the \(record.type.table.key)")
        }
        return RecordOwner(user: row[0], accountID: row[1], finalState: row[2])
    }
}
