import Foundation
import Hummingbird
import StewardApp
import StewardCore

/// `/ui/queues`: each queue's state; admins pause (with a reason) and resume.
struct QueuePages {
    let services: APIServices
    let pages: Pages

    func add(to router: RouterGroup<APIContext>) {
        router.group().add(middleware: RequirePage(role: .viewer, pages: pages)).get("/ui/queues", use: list)
        let admin = router.group().add(middleware: RequirePage(role: .admin, pages: pages))
        admin.post("/ui/queues/{queue}/pause", use: pause)
        admin.post("/ui/queues/{queue}/resume", use: resume)
    }

    @Sendable func list(_ request: Request, context: APIContext) async throws -> Response {
        let now = services.clock.now()
        let queues = try await services.queues.overview(now: now).map { OverviewPage.queueRow($0.stats, $0.pause, now: now) }
        return pages.page("queues", title: "Queues", section: "queues", context: context, data: ["queues": queues])
    }

    @Sendable func pause(_ request: Request, context: APIContext) async throws -> Response {
        var request = request
        let form = FormFields(String(buffer: try await request.collectBody(upTo: 64 << 10)))
        let reason = form["reason"]?.trimmingCharacters(in: .whitespaces)
        let params = QueuePauseParams(queue: try context.pathText("queue"), reason: reason?.isEmpty == false ? reason : nil,
                                      by: context.actor, now: services.clock.now())
        _ = try await services.queues.pause(params, requestID: context.requestID)
        return Pages.seeOther("/ui/queues")
    }

    @Sendable func resume(_ request: Request, context: APIContext) async throws -> Response {
        _ = try await services.queues.resume(try context.pathText("queue"), by: context.actor, requestID: context.requestID, now: services.clock.now())
        return Pages.seeOther("/ui/queues")
    }
}
