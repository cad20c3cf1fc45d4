import Foundation
import Hummingbird
import StewardApp
import StewardCore
import StewardSQLite

/// `/jobs`: list with filters (state, queue, kind, `args.KEY=VALUE`), one job with its attempts,
/// retry and cancel one, and the same for every job a filter matches (counted first, then run
/// as a job).
struct JobRoutes {
    let services: APIServices

    func add(to router: Router<APIContext>) {
        let viewer = router.requiring(.viewer)
        viewer.get("/jobs", use: list)
        viewer.get("/jobs/count", use: count)
        viewer.get("/jobs/{id}", use: show)
        let operatorRole = router.requiring(.operator)
        operatorRole.post("/jobs/{id}/retry", use: retry)
        operatorRole.post("/jobs/{id}/cancel", use: cancel)
        operatorRole.post("/jobs/bulk", use: bulk)
    }

    static let filterParameters: Set<String> = ["state", "queue", "kind", "args.*"]

    /// `state=failed,retryable` (or repeated), `queue`, `kind`, `args.account_id=42`.
    static func filter(_ query: QueryInput) throws -> JobFilter {
        let names = (query.parameters["state"] ?? []).flatMap { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let states = try names.map { name in
            guard let state = JobState(rawValue: name) else {
                throw APIProblem.badParameter("state", "'\(name)' is not one of \(JobState.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return state
        }
        var args: [String: String] = [:]
        for filter in try query.argumentFilters() { args[filter.key] = filter.value }
        return JobFilter(states: states, queue: try query.string("queue"), kind: try query.string("kind"), args: args)
    }

    @Sendable func list(_ request: Request, context: APIContext) async throws -> Page<JobView> {
        let query = try QueryInput(request, allowed: Self.filterParameters.union(["limit", "before"]))
        let page = try query.page()
        let jobs = try await services.store.jobList(try Self.filter(query).params(limit: page.limit, beforeID: page.before))
        return Page(jobs.map(JobView.init), limit: page.limit, id: \.id)
    }

    struct Count: ResponseEncodable { var count: Int }

    @Sendable func count(_ request: Request, context: APIContext) async throws -> Count {
        let query = try QueryInput(request, allowed: Self.filterParameters)
        return Count(count: try await services.jobs.count(try Self.filter(query)))
    }

    @Sendable func show(_ request: Request, context: APIContext) async throws -> JobView {
        _ = try QueryInput(request, allowed: [])
        let id = try context.pathID()
        guard let job = try await services.store.jobGet(id: id) else {
            throw StewardError(.jobNotFound, "no job with id \(id)", fix: "list jobs with GET /jobs")
        }
        return JobView(job)
    }

    @Sendable func retry(_ request: Request, context: APIContext) async throws -> JobView {
        _ = try QueryInput(request, allowed: [])
        return JobView(try await services.jobs.retry(try context.pathID(), by: context.actor, requestID: context.requestID))
    }

    @Sendable func cancel(_ request: Request, context: APIContext) async throws -> JobView {
        _ = try QueryInput(request, allowed: [])
        return JobView(try await services.jobs.cancel(try context.pathID(), by: context.actor, requestID: context.requestID))
    }

    struct BulkBody: Decodable {
        struct Filter: Decodable {
            var states: [String]?
            var queue: String?
            var kind: String?
            var args: [String: String]?
        }
        var action: String
        var filter: Filter
        static let fields: Set<String> = ["action", "filter", "filter.states", "filter.queue", "filter.kind", "filter.args"]
    }

    struct BulkStarted: ResponseEncodable { var jobId: Int64; var action: String; var count: Int }

    /// Starts a bulk job over what the filter matches now; answers with its id and the count.
    @Sendable func bulk(_ request: Request, context: APIContext) async throws -> EditedResponse<BulkStarted> {
        _ = try QueryInput(request, allowed: [])
        let body = try await JSONBody.decode(BulkBody.self, fields: BulkBody.fields, from: request, context: context)
        guard let action = BulkJobAction(rawValue: body.action) else {
            throw APIProblem(.unprocessableContent, code: "invalid_body", "field 'action': '\(body.action)' is not retry or cancel")
        }
        let filter = try Self.filter(body.filter)
        let started = try await services.jobs.startBulk(action, filter: filter, by: context.actor, requestID: context.requestID)
        var headers = HTTPFields()
        headers[.location] = "/jobs/\(started.job.id)"
        return EditedResponse(status: .accepted, headers: headers, response: BulkStarted(jobId: started.job.id, action: action.rawValue, count: started.count))
    }

    /// A bulk body's filter, checked like the query's; an empty filter would touch every job.
    static func filter(_ body: BulkBody.Filter) throws -> JobFilter {
        let states = try (body.states ?? []).map { name in
            guard let state = JobState(rawValue: name) else {
                throw APIProblem(.unprocessableContent, code: "invalid_body", "field 'filter.states': '\(name)' is not a job state")
            }
            return state
        }
        for key in (body.args ?? [:]).keys {
            guard (try? JobArgumentFilter(parsing: "\(key)=x")) != nil else {
                throw APIProblem(.unprocessableContent, code: "invalid_body", "field 'filter.args': key '\(key)' must be names of ASCII letters, digits and '_', joined by '.'")
            }
        }
        if body.queue == "" || body.kind == "" {
            throw APIProblem(.unprocessableContent, code: "invalid_body", "field 'filter.\(body.queue == "" ? "queue" : "kind")' is empty",
                             fix: "leave it out to match every one")
        }
        let filter = JobFilter(states: states, queue: body.queue, kind: body.kind, args: body.args ?? [:])
        guard !filter.states.isEmpty || filter.queue != nil || filter.kind != nil || !filter.args.isEmpty else {
            throw APIProblem(.unprocessableContent, code: "invalid_body", "field 'filter' is empty: it would match every job",
                             fix: "name at least one of states, queue, kind or args")
        }
        return filter
    }
}
