import Foundation
import Hummingbird
import StewardApp
import StewardCore
import StewardCRM
import StewardWorkflows

/// `/cadences`, `/enrollments`, `/activities`, `/accounts`: templates and their enrollments,
/// enrolling and pausing, resuming or stopping (operator), activities due or overdue by owner,
/// and accounts' derived statuses.
struct CadenceRoutes {
    let services: APIServices

    func add(to router: Router<APIContext>) {
        let viewer = router.requiring(.viewer)
        viewer.get("/cadences", use: list)
        viewer.get("/cadences/{name}/enrollments", use: enrollments)
        viewer.get("/activities", use: activities)
        viewer.get("/accounts/statuses", use: accountCounts)
        viewer.get("/accounts/{id}/status", use: accountStatus)
        viewer.get("/accounts/winback-flagged", use: winbackFlagged)
        let operatorRole = router.requiring(.operator)
        operatorRole.post("/cadences/{name}/enrollments", use: enroll)
        operatorRole.post("/enrollments/{id}/pause", use: pause)
        operatorRole.post("/enrollments/{id}/resume", use: resume)
        operatorRole.post("/enrollments/{id}/stop", use: stop)
    }

    private func cadences(_ context: APIContext) -> CadenceService {
        CadenceService(store: services.store, actor: context.actor, requestID: context.requestID)
    }

    /// The files' cadences are stored (a changed file adds a version) before they are shown.
    @Sendable func list(_ request: Request, context: APIContext) async throws -> [CadenceView] {
        _ = try QueryInput(request, allowed: [])
        try await cadences(context).sync(services.workflows.cadences.values.sorted { $0.name < $1.name }, now: services.clock.now())
        return try await cadences(context).summaries().map(CadenceView.init)
    }

    @Sendable func enrollments(_ request: Request, context: APIContext) async throws -> [EnrollmentView] {
        let query = try QueryInput(request, allowed: ["limit"])
        let name = try context.pathText("name")
        _ = try definition(name)
        return try await cadences(context).enrollments(cadence: name, limit: Int(try query.int("limit", in: 1...500) ?? 50)).map { EnrollmentView($0) }
    }

    struct EnrollBody: Decodable {
        var recordType: String
        var recordId: Int64
        var on: String?
        static let fields: Set<String> = ["record_type", "record_id", "on"]
    }

    /// 201 for a new enrollment, 200 with the open one when the record is already enrolled.
    @Sendable func enroll(_ request: Request, context: APIContext) async throws -> EditedResponse<EnrollmentView> {
        _ = try QueryInput(request, allowed: [])
        let definition = try definition(try context.pathText("name"))
        let body = try await JSONBody.decode(EnrollBody.self, fields: EnrollBody.fields, from: request, context: context)
        guard let type = CRMRecordType(rawValue: body.recordType) else {
            throw APIProblem(.unprocessableContent, code: "invalid_body",
                             "field 'record_type': '\(body.recordType)' is not one of \(CRMRecordType.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let day = try body.on.map { text in
            guard text.count == 10, let day = CRMDay(text) else {
                throw APIProblem(.unprocessableContent, code: "invalid_body", "field 'on': '\(text)' is not a date", fix: "write YYYY-MM-DD")
            }
            return day
        }
        let result = try await cadences(context).enroll(definition, record: CRMRecordRef(type, body.recordId), on: day, now: services.clock.now())
        return EditedResponse(status: result.inserted ? .created : .ok, response: EnrollmentView(result.enrollment, inserted: result.inserted))
    }

    @Sendable func pause(_ request: Request, context: APIContext) async throws -> EnrollmentView {
        _ = try QueryInput(request, allowed: [])
        return EnrollmentView(try await cadences(context).pause(try context.pathID(), now: services.clock.now()))
    }

    @Sendable func resume(_ request: Request, context: APIContext) async throws -> EnrollmentView {
        _ = try QueryInput(request, allowed: [])
        return EnrollmentView(try await cadences(context).resume(try context.pathID(), now: services.clock.now()))
    }

    struct StopBody: Decodable {
        var reason: String?
        static let fields: Set<String> = ["reason"]
    }

    @Sendable func stop(_ request: Request, context: APIContext) async throws -> EnrollmentView {
        _ = try QueryInput(request, allowed: [])
        let body = try await JSONBody.decode(StopBody.self, fields: StopBody.fields, from: request, context: context, emptyAs: "{}")
        return EnrollmentView(try await cadences(context).stop(try context.pathID(), reason: body.reason ?? "stopped by \(context.actor)", now: services.clock.now()))
    }

    /// `owner`, `due=today|overdue` (the day in `time_zone`, UTC by default), `enrollment`, `status`.
    @Sendable func activities(_ request: Request, context: APIContext) async throws -> [ActivityView] {
        let query = try QueryInput(request, allowed: ["owner", "due", "enrollment", "status", "time_zone", "limit"])
        let zone = try query.string("time_zone").map { name in
            guard let zone = TimeZone(identifier: name) else {
                throw APIProblem(.unprocessableContent, code: "invalid_parameter", "parameter 'time_zone': '\(name)' is not an IANA time zone", fix: "e.g. Europe/Berlin")
            }
            return zone
        } ?? .gmt
        let filter = ActivityFilter(owner: try query.string("owner"), due: try query.choice("due", of: ActivityFilter.Due.self),
                                    enrollment: try query.int("enrollment", in: 1...Int64.max), status: try query.choice("status", of: CRMActivity.Status.self),
                                    limit: Int(try query.int("limit", in: 1...500) ?? 100))
        return try await cadences(context).activities(filter, today: CRMDay(services.clock.now(), in: zone)).map(ActivityView.init)
    }

    struct StatusCount: ResponseEncodable { var activity: String; var tenure: String; var accounts: Int }

    @Sendable func accountCounts(_ request: Request, context: APIContext) async throws -> [StatusCount] {
        _ = try QueryInput(request, allowed: [])
        return try await WinbackService(store: services.store).counts().map { StatusCount(activity: $0.activity, tenure: $0.tenure, accounts: $0.accounts) }
    }

    /// Accounts the winback scans flagged as newly inactive, newest first, paged by key.
    @Sendable func winbackFlagged(_ request: Request, context: APIContext) async throws -> Page<WinbackFlagView> {
        let page = try QueryInput(request, allowed: ["limit", "before"]).page()
        let flags = try await WinbackService(store: services.store).flagged(limit: page.limit, beforeID: page.before)
        return Page(flags.map(WinbackFlagView.init), limit: page.limit, id: \.id)
    }

    @Sendable func accountStatus(_ request: Request, context: APIContext) async throws -> AccountStatusView {
        _ = try QueryInput(request, allowed: [])
        let id = try context.pathID()
        guard let report = try await WinbackService(store: services.store).status(account: id) else {
            throw StewardError(.recordNotFound, "no account \(id)", fix: "GET /accounts/statuses has the counts")
        }
        return AccountStatusView(report)
    }

    private func definition(_ name: String) throws -> CadenceDefinition {
        guard let definition = services.workflows.cadences[name] else {
            throw StewardError(.cadenceNotFound, "no cadence named '\(name)'",
                               fix: "the cadences are \(services.workflows.cadences.keys.sorted().joined(separator: ", "))")
        }
        return definition
    }
}

extension StewardError.Code {
    static let cadenceNotFound = Self(rawValue: "cadence_not_found")
}
