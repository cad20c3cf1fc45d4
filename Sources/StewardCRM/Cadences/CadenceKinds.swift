public import StewardCore
public import StewardSQLite
import Foundation
import GRDB
import Logging
import StewardWorkflows

/// The handlers of the cadence kinds.
public enum CadenceKinds {
    public static func make(store: SQLiteJobStore, definitions: WorkflowDefinitions, clock: any JobClock) -> [JobKind] {
        let service = CadenceService(store: store, actor: "steward")
        let policy = RetryPolicy(maxAttempts: 5, backoff: .exponential(base: .seconds(5), cap: .seconds(600)))
        let audit: JobGiveUpHook = { given, transaction in try auditGiveUp(given, db: transaction.sqlite(), now: clock.now()) }
        return [
            JobKind(name: CadenceJobs.enroll, retryPolicy: policy, checkArguments: checkEventArguments(CadenceJobs.enroll), onGiveUp: audit) { try await enroll($0, service: service, definitions: definitions, clock: clock) },
            JobKind(name: CadenceJobs.generate, retryPolicy: policy, checkArguments: checkGenerateArguments, onGiveUp: audit) { try await generate($0, service: service, clock: clock) },
            JobKind(name: CadenceJobs.stop, retryPolicy: policy, checkArguments: checkEventArguments(CadenceJobs.stop), onGiveUp: audit) { try await stop($0, service: service, clock: clock) },
        ]
    }

    /// A cadence job given up leaves records unplanned, unenrolled or unstopped: the audit log
    /// says which job, why, and with what arguments, beside the CRM changes it should have made.
    static func auditGiveUp(_ given: GivenUpJob, db: Database, now: Date) throws {
        let args = (try? JSONSerialization.jsonObject(with: Data(given.job.args.utf8))) ?? [:]
        try AuditLog.record("\(given.job.kind).\(given.state.rawValue)", entity: "job", id: given.job.id,
                            details: ["reason": given.reason, "args": args], actor: "steward", db: db, now: now)
    }

    /// `{"cadence", "event": {"id", "name", "payload"}}`, as event routes write them.
    struct EventArgs: Decodable {
        struct Event: Decodable {
            var id: Int64
            var name: String
            var payload: JSONValue
        }
        var cadence: String
        var event: Event

        func record() throws -> CRMRecordRef {
            guard let record = CRMRecordRef.subject(ofEvent: event.name, payload: event.payload.object) else {
                throw JobPermanentError("event \(event.id) (\(event.name)) names no account, opportunity, contact or target")
            }
            return record
        }
    }

    static func enroll(_ context: JobContext, service: CadenceService, definitions: WorkflowDefinitions, clock: any JobClock) async throws -> JobResult {
        let args = try context.arguments(EventArgs.self)
        guard let definition = definitions.set.cadences[args.cadence] else {
            throw JobPermanentError("no cadence named '\(args.cadence)' in the workflow files")
        }
        let result: CadenceService.Enrollment
        do {
            result = try await permanentIfBadInput {
                try await service.enroll(definition, record: try args.record(), source: "event:\(args.event.id)", syncFile: false,
                                       afterEvent: args.event.id, now: clock.now())
            }
        } catch let error as StewardError where error.code == .recordClosed {
            // Enroll and stop jobs run unordered: a deal closed before its enroll ran stays closed.
            context.logger.info("not enrolled: the record is closed or was stopped after the event", metadata: ["cadence": "\(args.cadence)", "reason": "\(error.message)"])
            return .completed
        }
        context.logger.info("enrolled", metadata: ["cadence": "\(args.cadence)", "enrollment": "\(result.enrollment.id)", "new": "\(result.inserted)"])
        return .completed
    }

    struct GenerateArgs: Decodable { var enrollments: [Int64] }

    /// `{"cadence", "event": {"id", "name", "payload"}}` naming a record.
    public static func checkEventArguments(_ kind: String) -> JobArgumentCheck {
        { json in
            let args = try JobArguments.decode(EventArgs.self, from: json, kind: kind)
            do { _ = try args.record() } catch let error as JobPermanentError { throw StewardError(.invalidArguments, "\(kind) arguments: \(error.message)") }
        }
    }

    /// `{"enrollments": [ID, …]}`.
    public static let checkGenerateArguments: JobArgumentCheck = { _ = try JobArguments.decode(GenerateArgs.self, from: $0, kind: CadenceJobs.generate) }

    static func generate(_ context: JobContext, service: CadenceService, clock: any JobClock) async throws -> JobResult {
        let args = try context.arguments(GenerateArgs.self)
        let created = try await service.generate(args.enrollments, now: clock.now())
        context.logger.debug("cadence activities generated", metadata: ["enrollments": "\(args.enrollments.count)", "created": "\(created)"])
        return .completed
    }

    static func stop(_ context: JobContext, service: CadenceService, clock: any JobClock) async throws -> JobResult {
        let args = try context.arguments(EventArgs.self)
        _ = try args.record()  // names at least one record
        let records = CRMRecordRef.all(inPayload: args.event.payload.object)
        let stopped = try await service.stopOpen(cadence: args.cadence, records: records, reason: args.event.name, now: clock.now())
        context.logger.info("enrollments stopped", metadata: ["cadence": "\(args.cadence)", "count": "\(stopped.count)"])
        return .completed
    }

    /// A missing record will not appear by retrying: such failures discard the job at once.
    static func permanentIfBadInput<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as StewardError where error.code == .recordNotFound || error.code == .invalidChange {
            throw JobPermanentError(error.description)
        }
    }
}
