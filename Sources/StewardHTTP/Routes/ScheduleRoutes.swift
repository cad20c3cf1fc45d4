import Foundation
import Hummingbird
import HTTPTypes
import StewardApp
import StewardCore

/// `/schedules`: every schedule with its next and last tick; running one now (operator).
struct ScheduleRoutes {
    let services: APIServices

    func add(to router: Router<APIContext>) {
        router.requiring(.viewer).get("/schedules", use: list)
        router.requiring(.operator).post("/schedules/{name}/run", use: run)
    }

    @Sendable func list(_ request: Request, context: APIContext) async throws -> [ScheduleView] {
        _ = try QueryInput(request, allowed: [])
        return try await services.schedules.list().map(ScheduleView.init)
    }

    @Sendable func run(_ request: Request, context: APIContext) async throws -> EditedResponse<JobView> {
        _ = try QueryInput(request, allowed: [])
        let job = try await services.schedules.runNow(try context.pathText("name"), by: context.actor, requestID: context.requestID)
        return JobView.accepted(job)
    }
}

extension JobView {
    /// 202 with the enqueued job and where to watch it.
    static func accepted(_ job: Job) -> EditedResponse<JobView> {
        var headers = HTTPFields()
        headers[.location] = "/jobs/\(job.id)"
        return EditedResponse(status: .accepted, headers: headers, response: JobView(job))
    }
}
