import Foundation
import StewardCore
import Hummingbird
import StewardApp
import StewardCRM
import StewardWorkflows

/// `/imports`: upload a CSV (streamed to disk), watch it, read and fix its failed rows, retry
/// or cancel it. Reads need viewer; every change operator.
struct ImportRoutes {
    let services: APIServices

    func add(to router: Router<APIContext>) {
        let viewer = router.requiring(.viewer)
        viewer.get("/imports", use: list)
        viewer.get("/imports/{id}", use: show)
        viewer.get("/imports/{id}/errors", use: ImportErrorRoutes(services: services).list)
        let operatorRole = router.requiring(.operator)
        operatorRole.post("/imports", use: ImportUploadRoute(services: services).submit)
        operatorRole.post("/imports/{id}/retry", use: ImportUploadRoute(services: services).retry)
        operatorRole.post("/imports/{id}/cancel", use: cancel)
        operatorRole.patch("/import-errors/{id}", use: ImportErrorRoutes(services: services).resolve)
    }

    @Sendable func list(_ request: Request, context: APIContext) async throws -> Page<ImportView> {
        let query = try QueryInput(request, allowed: ["status", "profile", "limit", "before"])
        let page = try query.page()
        let params = ImportListParams(status: try query.choice("status", of: ImportRecord.Status.self), profile: try query.string("profile"),
                                      limit: page.limit, beforeID: page.before)
        let now = services.clock.now()
        return Page(try await services.imports.list(params).map { ImportView($0, now: now) }, limit: page.limit, id: \.id)
    }

    @Sendable func show(_ request: Request, context: APIContext) async throws -> ImportView {
        _ = try QueryInput(request, allowed: [])
        let detail = try await services.imports.detail(try context.pathID())
        return ImportView(detail.record, now: services.clock.now(), errorCounts: detail.errorCounts)
    }

    @Sendable func cancel(_ request: Request, context: APIContext) async throws -> ImportView {
        _ = try QueryInput(request, allowed: [])
        let record = try await services.imports.cancel(id: try context.pathID(), by: context.actor, requestID: context.requestID)
        return ImportView(record, now: services.clock.now())
    }
}
