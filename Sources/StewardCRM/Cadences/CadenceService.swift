public import Foundation
public import StewardSQLite
public import StewardWorkflows
import GRDB
import StewardCore

/// Cadences for commands and jobs: each call is one transaction.
public struct CadenceService: Sendable {
    public let store: SQLiteJobStore
    public let actor: String
    /// The HTTP request making the changes, for their audit rows.
    public let requestID: String?

    public init(store: SQLiteJobStore, actor: String = "steward", requestID: String? = nil) {
        self.store = store
        self.actor = actor
        self.requestID = requestID
    }

    /// Stores each definition's current version (adding a version when its file changed).
    public func sync(_ definitions: [CadenceDefinition], now: Date) async throws {
        try await store.database.write { db in
            for definition in definitions { try CadenceTemplateRecords.sync(definition, in: db, now: now) }
        }
    }

    public struct Enrollment: Sendable, Equatable {
        public var enrollment: CadenceEnrollment
        /// False when the record already had an open enrollment in this cadence.
        public var inserted: Bool
    }

    /// Enrolls on the version of `definition`'s file text (`syncFile`, for commands that just
    /// loaded the files) or on the stored current version (jobs: the files may have changed).
    /// With `afterEvent` (the enrolling event), a `stop_on` event for the record recorded after
    /// it refuses the enrollment (`recordClosed`): the stop came first, whatever order jobs ran in.
    public func enroll(_ definition: CadenceDefinition, record: CRMRecordRef, on day: CRMDay? = nil, source: String = "manual",
                       syncFile: Bool = true, afterEvent: Int64? = nil, now: Date) async throws -> Enrollment {
        let (enrollment, inserted) = try await write(now) {
            try $0.enroll(definition, record: record, on: day, source: source, syncFile: syncFile, afterEvent: afterEvent)
        }
        return Enrollment(enrollment: enrollment, inserted: inserted)
    }

    public func pause(_ id: Int64, now: Date) async throws -> CadenceEnrollment {
        try await write(now) { try $0.pause(id) }
    }

    public func resume(_ id: Int64, now: Date) async throws -> CadenceEnrollment {
        try await write(now) { try $0.resume(id) }
    }

    public func stop(_ id: Int64, reason: String, now: Date) async throws -> CadenceEnrollment {
        try await write(now) { try $0.stop(id, reason: reason) }
    }

    /// Stops the record's open enrollments in a cadence (a `stop_on` event); returns them.
    public func stopOpen(cadence: String, record: CRMRecordRef, reason: String, now: Date) async throws -> [CadenceEnrollment] {
        try await write(now) { try $0.stopOpen(cadence: cadence, record: record, reason: reason) }
    }

    /// Stops the open enrollments in a cadence of every record an event names, in one transaction.
    public func stopOpen(cadence: String, records: [CRMRecordRef], reason: String, now: Date) async throws -> [CadenceEnrollment] {
        try await write(now) { lifecycle in try records.flatMap { try lifecycle.stopOpen(cadence: cadence, record: $0, reason: reason) } }
    }

    /// Plans what each enrollment needs now, in one transaction; returns how many activities
    /// were created.
    public func generate(_ enrollments: [Int64], now: Date) async throws -> Int {
        try await store.database.write { db in
            var generator = CadenceGenerator()
            return try generator.generate(enrollments, db: db, now: now)
        }
    }

    public func summaries() async throws -> [CadenceSummary] {
        try await store.database.read { db in try CadenceTemplateRecords.summaries(db: db) }
    }

    public func enrollments(cadence: String, limit: Int = 50) async throws -> [CadenceEnrollment] {
        try await store.database.read { db in try CadenceEnrollmentRecords.list(cadence: cadence, limit: limit, db: db) }
    }

    public func enrollment(_ id: Int64) async throws -> CadenceEnrollment {
        try await store.database.read { db in try CadenceEnrollmentRecords.require(id, db: db) }
    }

    /// The stored version an enrollment follows.
    public func template(of enrollment: CadenceEnrollment) async throws -> CadenceTemplate {
        try await store.database.read { db in try CadenceTemplateRecords.load(enrollment, db: db) }
    }

    public func activities(_ filter: ActivityFilter, today: CRMDay) async throws -> [CRMActivity] {
        try await store.database.read { db in try ActivityRecords.list(filter, today: today, db: db) }
    }

    private func write<T: Sendable>(_ now: Date, _ body: @escaping @Sendable (CadenceLifecycle) throws -> T) async throws -> T {
        try await store.database.write { db in try body(CadenceLifecycle(store: store, db: db, now: now, actor: actor, requestID: requestID)) }
    }
}
