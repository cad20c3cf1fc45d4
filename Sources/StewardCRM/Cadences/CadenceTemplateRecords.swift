import Foundation
import GRDB
import StewardCore
import StewardWorkflows

/// The SQL of `cadences`, `cadence_versions` and `cadence_steps`, in one place.
///
/// Why versions rather than rewriting steps: activities already generated keep the due dates
/// and subjects they were planned with, and a running enrollment keeps counting steps the way
/// it started (a removed or reordered step would otherwise renumber its remaining work). New
/// enrollments take the newest version.
enum CadenceTemplateRecords {
    /// Makes the stored cadence match its file: the version with the file's fingerprint becomes
    /// current, and a version is added only for a text never stored before.
    @discardableResult
    static func sync(_ definition: CadenceDefinition, in db: Database, now: Date) throws -> CadenceTemplate {
        let fingerprint = CadenceTemplate.fingerprint(definition)
        let stamp = Timestamp.iso(now)
        guard let (id, current) = try currentVersion(definition.name, db: db) else {
            try db.execute(sql: "INSERT INTO cadences (name, current_version, created_at, updated_at) VALUES (?, 1, ?, ?)",
                           arguments: [definition.name, stamp, stamp])
            return try insertVersion(definition, cadenceID: db.lastInsertedRowID, version: 1, fingerprint: fingerprint, db: db, stamp: stamp)
        }
        if try storedFingerprint(id, version: current, db: db) == fingerprint { return try load(id, version: current, db: db) }
        if let earlier = try version(id, fingerprint: fingerprint, db: db) {
            // The file went back to an earlier text: that version is current again, not a new one.
            try db.execute(sql: "UPDATE cadences SET current_version = ?, updated_at = ? WHERE cadence_id = ?", arguments: [earlier, stamp, id])
            return try load(id, version: earlier, db: db)
        }
        let next = (try Int.fetchOne(db, sql: "SELECT max(version) FROM cadence_versions WHERE cadence_id = ?", arguments: [id]) ?? current) + 1
        try db.execute(sql: "UPDATE cadences SET current_version = ?, updated_at = ? WHERE cadence_id = ?", arguments: [next, stamp, id])
        return try insertVersion(definition, cadenceID: id, version: next, fingerprint: fingerprint, db: db, stamp: stamp)
    }

    /// The stored current version, as the last load or reload of the files left it; the file's
    /// text is stored first only when the cadence was never stored. Jobs use this, so processes
    /// holding different file versions do not flip the current version back and forth.
    static func current(_ definition: CadenceDefinition, in db: Database, now: Date) throws -> CadenceTemplate {
        guard let (id, current) = try currentVersion(definition.name, db: db) else { return try sync(definition, in: db, now: now) }
        return try load(id, version: current, db: db)
    }

    private static func currentVersion(_ name: String, db: Database) throws -> (Int64, Int)? {
        try Row.fetchOne(db, sql: "SELECT cadence_id, current_version FROM cadences WHERE name = ?", arguments: [name]).map { ($0[0], $0[1]) }
    }

    private static func version(_ id: Int64, fingerprint: String, db: Database) throws -> Int? {
        try Int.fetchOne(db, sql: "SELECT max(version) FROM cadence_versions WHERE cadence_id = ? AND fingerprint = ?", arguments: [id, fingerprint])
    }

    private static func storedFingerprint(_ id: Int64, version: Int, db: Database) throws -> String? {
        try String.fetchOne(db, sql: "SELECT fingerprint FROM cadence_versions WHERE cadence_id = ? AND version = ?", arguments: [id, version])
    }

    private static func insertVersion(_ definition: CadenceDefinition, cadenceID: Int64, version: Int, fingerprint: String,
                                      db: Database, stamp: String) throws -> CadenceTemplate {
        try db.execute(sql: """
            INSERT INTO cadence_versions (cadence_id, version, days, generate, late_steps, fingerprint, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)
            """, arguments: [cadenceID, version, definition.days.rawValue, definition.generate.rawValue, definition.lateSteps.rawValue, fingerprint, stamp])
        for (index, step) in definition.steps.enumerated() {
            try db.execute(sql: """
                INSERT INTO cadence_steps (cadence_id, version, step_number, day_offset, type, subject, description) VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [cadenceID, version, index + 1, step.day, step.type.rawValue, step.subject, step.description])
        }
        return try load(cadenceID, version: version, db: db)
    }

    /// The version an enrollment follows.
    static func load(_ enrollment: CadenceEnrollment, db: Database) throws -> CadenceTemplate {
        guard let id = try Int64.fetchOne(db, sql: "SELECT cadence_id FROM cadences WHERE name = ?", arguments: [enrollment.cadence]) else {
            throw StewardError(.recordNotFound, "enrollment \(enrollment.id) follows cadence '\(enrollment.cadence)', which is not stored")
        }
        return try load(id, version: enrollment.cadenceVersion, db: db)
    }

    /// A stored version with its steps in order.
    static func load(_ cadenceID: Int64, version: Int, db: Database) throws -> CadenceTemplate {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT c.name, v.days, v.generate, v.late_steps FROM cadences c JOIN cadence_versions v USING (cadence_id)
            WHERE c.cadence_id = ? AND v.version = ?
            """, arguments: [cadenceID, version]) else {
            throw CRMErrors.notFound("cadence version", Int64(version), fix: "cadence \(cadenceID) has no such version")
        }
        let steps = try Row.fetchAll(db, sql: """
            SELECT day_offset, type, subject, description FROM cadence_steps WHERE cadence_id = ? AND version = ? ORDER BY step_number
            """, arguments: [cadenceID, version]).map { row in
            CadenceDefinition.Step(day: row[0], type: CadenceDefinition.ActivityType(rawValue: row[1]) ?? .task, subject: row[2], description: row[3])
        }
        return CadenceTemplate(cadenceID: cadenceID, name: row[0], version: version,
                               counting: CadenceDefinition.DayCounting(rawValue: row[1]) ?? .calendar,
                               generate: CadenceDefinition.Generation(rawValue: row[2]) ?? .upfront,
                               lateSteps: CadenceDefinition.LateSteps(rawValue: row[3]) ?? .keep, steps: steps)
    }

    /// Every stored cadence with its current version and how many enrollments are open.
    static func summaries(db: Database) throws -> [CadenceSummary] {
        try Row.fetchAll(db, sql: """
            SELECT c.name, c.current_version, v.days, v.generate, (SELECT count(*) FROM cadence_steps s WHERE s.cadence_id = c.cadence_id AND s.version = c.current_version),
                   (SELECT count(*) FROM cadence_enrollments e WHERE e.cadence_id = c.cadence_id AND e.status = 'Active'),
                   (SELECT count(*) FROM cadence_enrollments e WHERE e.cadence_id = c.cadence_id AND e.status = 'Paused')
            FROM cadences c JOIN cadence_versions v ON v.cadence_id = c.cadence_id AND v.version = c.current_version ORDER BY c.name
            """).map { CadenceSummary(name: $0[0], version: $0[1], days: $0[2], generate: $0[3], steps: $0[4], active: $0[5], paused: $0[6]) }
    }
}

/// A line of `steward cadences list`.
public struct CadenceSummary: Sendable, Equatable {
    public var name: String
    public var version: Int
    public var days: String
    public var generate: String
    public var steps: Int
    public var active: Int
    public var paused: Int
}
