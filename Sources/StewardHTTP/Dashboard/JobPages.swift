import Foundation
import Hummingbird
import StewardApp
import StewardCore
import StewardSQLite

/// `/ui/jobs`: jobs filtered by state, queue, kind and arguments (`account_id:42`), paged by id;
/// one job with its attempts; retry and cancel for operators.
struct JobPages {
    let services: APIServices
    let pages: Pages

    func add(to router: RouterGroup<APIContext>) {
        let viewer = router.group().add(middleware: RequirePage(role: .viewer, pages: pages))
        viewer.get("/ui/jobs", use: list)
        viewer.get("/ui/jobs/{id}", use: show)
        let operatorRole = router.group().add(middleware: RequirePage(role: .operator, pages: pages))
        operatorRole.get("/ui/jobs/bulk", use: confirmBulk)
        operatorRole.post("/ui/jobs/bulk", use: startBulk)
        operatorRole.post("/ui/jobs/{id}/retry", use: retry)
        operatorRole.post("/ui/jobs/{id}/cancel", use: cancel)
    }

    @Sendable func list(_ request: Request, context: APIContext) async throws -> Response {
        let query = try QueryInput(request, allowed: ["state", "queue", "kind", "args", "before"])
        let filter = try Self.filter(query)
        let before = try query.int("before", in: 1...Int64.max)
        let jobs = try await services.store.jobList(try filter.params(limit: 50, beforeID: before))
        let count = try await services.store.jobCount(try filter.params(limit: 0), atMost: Self.countLimit + 1)
        let chosen = filter.states.first?.rawValue
        var data: [String: Any] = [
            "states": JobState.allCases.map { ["value": $0.rawValue, "selected": $0.rawValue == chosen] as [String: Any] },
            "queue": filter.queue ?? "", "kind": filter.kind ?? "",
            "count": count > Self.countLimit ? "more than \(Self.countLimit.formatted())" : count.formatted(),
            "args": filter.args.keys.sorted().map { "\($0):\(filter.args[$0]!)" }.joined(separator: " "),
            "jobs": jobs.map(Self.row),
        ]
        if let query = Self.filterQuery(filter) {
            data["filtered"] = true
            data["query"] = query
        }
        if jobs.count == 50, let last = jobs.last {
            var items = request.uri.queryParameters.filter { $0.key != "before" }.map { URLQueryItem(name: String($0.key), value: String($0.value)) }
            items.append(URLQueryItem(name: "before", value: String(last.id)))
            var next = URLComponents()
            next.path = "/ui/jobs"
            next.queryItems = items
            data["next"] = next.string ?? ""
        }
        return pages.page("jobs", title: "Jobs", section: "jobs", context: context, data: data)
    }

    /// Counting stops here: a page says "more than 10,000" rather than read a million rows.
    static let countLimit = 10_000

    /// The form's fields: one state, a queue, a kind, and `key:value` argument filters.
    static func filter(_ query: QueryInput) throws -> JobFilter {
        let state = try query.string("state").map { name in
            guard let state = JobState(rawValue: name) else { throw APIProblem.badParameter("state", "'\(name)' is not a job state") }
            return state
        }
        var args: [String: String] = [:]
        for pair in (try query.string("args") ?? "").split(separator: " ") {
            let parts = pair.split(separator: ":", maxSplits: 1).map(String.init)
            guard parts.count == 2, let filter = try? JobArgumentFilter(parsing: "\(parts[0])=\(parts[1])") else {
                throw APIProblem.badParameter("args", "'\(pair)' is not KEY:VALUE", fix: "e.g. account_id:42")
            }
            args[filter.key] = filter.value
        }
        return JobFilter(states: state.map { [$0] } ?? [], queue: try query.string("queue"), kind: try query.string("kind"), args: args)
    }

    static func row(_ job: Job) -> [String: Any] {
        ["id": job.id, "kind": job.kind, "queue": job.queue, "state": job.state.rawValue, "stateClass": stateClass(job.state),
         "attempt": job.attempt, "maxAttempts": job.maxAttempts, "runAt": PageFormat.time(job.runAt),
         "lastError": job.errors.last.map { String($0.message.prefix(120)) } ?? ""]
    }

    static func stateClass(_ state: JobState) -> String {
        switch state {
        case .completed: "ok"
        case .discarded, .cancelled: "bad"
        case .retryable, .scheduled: "warn"
        default: ""
        }
    }

    @Sendable func show(_ request: Request, context: APIContext) async throws -> Response {
        let id = try context.pathID()
        guard let job = try await services.store.jobGet(id: id) else {
            throw StewardError(.jobNotFound, "no job with id \(id)", fix: "find it in the job list")
        }
        var data = Self.row(job)
        data["args"] = ArgumentRedaction.redacted(job.args, kind: job.kind, in: services.workflows)
        data["createdAt"] = PageFormat.time(job.createdAt)
        data["attemptedAt"] = job.attemptedAt.map { PageFormat.time($0) }
        data["finalizedAt"] = job.finalizedAt.map { PageFormat.time($0) }
        if job.state == .running, let lease = job.lease { data["lease"] = ["owner": lease.owner, "expiresAt": PageFormat.time(lease.expiresAt)] }
        data["errors"] = job.errors.reversed().map { ["attempt": $0.attempt, "at": PageFormat.time($0.at), "message": $0.message] as [String: Any] }
        data["retryable"] = job.state != .running
        data["cancellable"] = !job.state.isFinal
        return pages.page("job", title: "Job \(job.id) · \(job.kind)", section: "jobs", context: context, data: data)
    }

    /// The filter as the query string of `/ui/jobs`; nil when it matches every job.
    static func filterQuery(_ filter: JobFilter) -> String? {
        var items: [URLQueryItem] = []
        if let state = filter.states.first { items.append(URLQueryItem(name: "state", value: state.rawValue)) }
        if let queue = filter.queue { items.append(URLQueryItem(name: "queue", value: queue)) }
        if let kind = filter.kind { items.append(URLQueryItem(name: "kind", value: kind)) }
        if !filter.args.isEmpty { items.append(URLQueryItem(name: "args", value: filter.args.keys.sorted().map { "\($0):\(filter.args[$0]!)" }.joined(separator: " "))) }
        guard !items.isEmpty else { return nil }
        var components = URLComponents()
        components.queryItems = items
        return components.percentEncodedQuery
    }

    /// The exact count, then a confirming form; an empty filter is refused (it would be every job).
    @Sendable func confirmBulk(_ request: Request, context: APIContext) async throws -> Response {
        let query = try QueryInput(request, allowed: ["action", "state", "queue", "kind", "args"])
        guard let action = try query.choice("action", of: BulkJobAction.self) else { throw APIProblem.badParameter("action", "is required") }
        let filter = try Self.filter(query)
        guard let filterQuery = Self.filterQuery(filter) else {
            throw APIProblem.badParameter("filter", "is empty: it would match every job", fix: "filter by state, queue, kind or arguments first")
        }
        let data: [String: Any] = [
            "action": action == .retry ? "Retry" : "Cancel", "actionValue": action.rawValue, "danger": action == .cancel,
            "count": try await services.jobs.count(filter), "description": filterQuery.removingPercentEncoding ?? filterQuery,
            "state": filter.states.first?.rawValue ?? "", "queue": filter.queue ?? "", "kind": filter.kind ?? "",
            "args": filter.args.keys.sorted().map { "\($0):\(filter.args[$0]!)" }.joined(separator: " "), "back": "/ui/jobs?" + filterQuery,
        ]
        return pages.page("bulk", title: "Bulk \(action.rawValue)", section: "jobs", context: context, data: data)
    }

    @Sendable func startBulk(_ request: Request, context: APIContext) async throws -> Response {
        var request = request
        let form = FormFields(String(buffer: try await request.collectBody(upTo: 64 << 10)))
        guard let action = form["action"].flatMap(BulkJobAction.init(rawValue:)) else { throw APIProblem.badParameter("action", "must be retry or cancel") }
        var fields: [String: [String]] = [:]
        for name in ["state", "queue", "kind", "args"] { if let value = form[name], !value.isEmpty { fields[name] = [value] } }
        let filter = try Self.filter(QueryInput(parameters: fields))
        guard Self.filterQuery(filter) != nil else { throw APIProblem.badParameter("filter", "is empty: it would match every job") }
        let started = try await services.jobs.startBulk(action, filter: filter, by: context.actor, requestID: context.requestID)
        return Pages.seeOther("/ui/jobs/\(started.job.id)")
    }

    @Sendable func retry(_ request: Request, context: APIContext) async throws -> Response {
        let id = try context.pathID()
        _ = try await services.jobs.retry(id, by: context.actor, requestID: context.requestID)
        return Pages.seeOther("/ui/jobs/\(id)")
    }

    @Sendable func cancel(_ request: Request, context: APIContext) async throws -> Response {
        let id = try context.pathID()
        _ = try await services.jobs.cancel(id, by: context.actor, requestID: context.requestID)
        return Pages.seeOther("/ui/jobs/\(id)")
    }
}
