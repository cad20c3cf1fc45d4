import Foundation
import GRDB
import StewardCore

/// The SQL of `activities`, in one place.
enum ActivityRecords {
    /// What generation plans for one step.
    struct Planned {
        var enrollment: CadenceEnrollment
        var step: Int
        var type: String
        var subject: String
        var description: String?
        var due: CRMDay
    }

    /// Inserts a planned activity unless its (enrollment, step) exists; true when inserted.
    static func insert(_ planned: Planned, db: Database, now: String) throws -> Bool {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO activities (type, subject, description, status, due_date, owner_user_id, account_id, opportunity_id, contact_id,
                                    target_id, cadence_enrollment_id, cadence_step_number, created_at)
            VALUES (?, ?, ?, 'Planned', ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
            """)
        let record = planned.enrollment.record
        func id(_ type: CRMRecordType) -> Int64? { record.type == type ? record.id : nil }
        try statement.execute(arguments: [
            planned.type, planned.subject, planned.description, planned.due.description, planned.enrollment.owner,
            planned.enrollment.accountID, id(.opportunity), id(.contact), id(.target), planned.enrollment.id, planned.step, now,
        ])
        return db.changesCount == 1
    }

    /// The activities an enrollment has so far, by step number.
    static func byStep(enrollment: Int64, db: Database) throws -> [Int: CRMActivity] {
        let activities = try fetchAll("a.cadence_enrollment_id = ?", [enrollment], db: db)
        return Dictionary(activities.map { ($0.stepNumber ?? 0, $0) }) { first, _ in first }
    }

    /// True when every one of the cadence's `steps` has an activity and none is still planned.
    static func allDone(enrollment: Int64, steps: Int, db: Database) throws -> Bool {
        let row = try Row.fetchOne(db, sql: """
            SELECT count(*), count(*) FILTER (WHERE status = 'Planned') FROM activities WHERE cadence_enrollment_id = ?
            """, arguments: [enrollment])
        return row.map { $0[0] as Int >= steps && $0[1] as Int == 0 } ?? false
    }

    /// Cancels an enrollment's planned activities; returns how many.
    @discardableResult
    static func cancelPlanned(enrollment: Int64, db: Database) throws -> Int {
        try db.execute(sql: "UPDATE activities SET status = 'Cancelled' WHERE cadence_enrollment_id = ? AND status = 'Planned'", arguments: [enrollment])
        return db.changesCount
    }

    static func setDue(_ id: Int64, _ due: CRMDay, db: Database) throws {
        try db.execute(sql: "UPDATE activities SET due_date = ? WHERE activity_id = ?", arguments: [due.description, id])
    }

    static func markDone(_ id: Int64, on day: CRMDay, db: Database) throws {
        try db.execute(sql: "UPDATE activities SET status = 'Done', completed_at = ? WHERE activity_id = ?", arguments: [day.description, id])
    }

    static func find(_ id: Int64, db: Database) throws -> CRMActivity? {
        try fetchAll("a.activity_id = ?", [id], db: db).first
    }

    /// Activities for people: planned ones of paused enrollments are listed as on hold and never
    /// count as due today or overdue.
    static func list(_ filter: ActivityFilter, today: CRMDay, db: Database) throws -> [CRMActivity] {
        var conditions = ["1"]
        var arguments: StatementArguments = []
        if let owner = filter.owner { conditions.append("a.owner_user_id = ?"); arguments += [owner] }
        if let enrollment = filter.enrollment { conditions.append("a.cadence_enrollment_id = ?"); arguments += [enrollment] }
        if let status = filter.status { conditions.append("a.status = ?"); arguments += [status.rawValue] }
        if let due = filter.due {
            conditions.append("a.status = 'Planned' AND e.status IS NOT 'Paused' AND a.due_date \(due == .today ? "=" : "<") ?")
            arguments += [today.description]
        }
        arguments += [filter.limit]
        return try fetchAll("\(conditions.joined(separator: " AND ")) ORDER BY a.due_date, a.activity_id LIMIT ?", arguments, db: db)
    }

    private static func fetchAll(_ condition: String, _ arguments: StatementArguments, db: Database) throws -> [CRMActivity] {
        try Row.fetchAll(db.cachedStatement(sql: """
            SELECT a.activity_id, a.type, a.subject, a.description, a.status, a.due_date, a.owner_user_id, a.account_id,
                   a.cadence_enrollment_id, a.cadence_step_number, a.completed_at, e.status
            FROM activities a LEFT JOIN cadence_enrollments e ON e.enrollment_id = a.cadence_enrollment_id WHERE \(condition)
            """), arguments: arguments).map(activity(from:))
    }

    private static func activity(from row: Row) -> CRMActivity {
        let status = CRMActivity.Status(rawValue: row[4] ?? "") ?? .planned
        return CRMActivity(id: row[0], type: row[1] ?? "", subject: row[2] ?? "", description: row[3], status: status,
                           dueDate: (row[5] as String?).flatMap(CRMDay.init), owner: row[6], accountID: row[7], enrollmentID: row[8],
                           stepNumber: row[9], completedAt: row[10], onHold: status == .planned && (row[11] as String?) == "Paused")
    }
}

/// What `steward activities list` asks for.
public struct ActivityFilter: Sendable, Equatable {
    public enum Due: String, Sendable, CaseIterable { case today, overdue }

    public var owner: String?
    public var due: Due?
    public var enrollment: Int64?
    public var status: CRMActivity.Status?
    public var limit: Int

    public init(owner: String? = nil, due: Due? = nil, enrollment: Int64? = nil, status: CRMActivity.Status? = nil, limit: Int = 100) {
        self.owner = owner
        self.due = due
        self.enrollment = enrollment
        self.status = status
        self.limit = limit
    }
}
