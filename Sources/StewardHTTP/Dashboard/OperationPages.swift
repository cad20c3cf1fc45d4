import Foundation
import Hummingbird
import StewardApp
import StewardCore
import StewardCRM
import StewardWorkflows

/// `/ui/exports` and `/ui/schedules`: what runs when, running it now, and what exports wrote.
struct OperationPages {
    let services: APIServices
    let pages: Pages

    func add(to router: RouterGroup<APIContext>) {
        let viewer = router.group().add(middleware: RequirePage(role: .viewer, pages: pages))
        viewer.get("/ui/exports", use: exports)
        viewer.get("/ui/exports/runs/{id}/file", use: ExportRoutes(services: services).download)
        viewer.get("/ui/schedules", use: schedules)
        let operatorRole = router.group().add(middleware: RequirePage(role: .operator, pages: pages))
        operatorRole.post("/ui/exports/{name}/run", use: { _, context in
            _ = try await services.exports.runNow(try context.pathText("name"), by: context.actor, requestID: context.requestID)
            return Pages.seeOther("/ui/exports")
        })
        operatorRole.post("/ui/schedules/{name}/run", use: { _, context in
            _ = try await services.schedules.runNow(try context.pathText("name"), by: context.actor, requestID: context.requestID)
            return Pages.seeOther("/ui/schedules")
        })
    }

    @Sendable func exports(_ request: Request, context: APIContext) async throws -> Response {
        let query = try QueryInput(request, allowed: ["before"])
        let definitions = try await services.exports.list().map { status -> [String: Any] in
            let definition = status.definition
            return ["name": definition.name, "source": definition.source.rawValue, "format": definition.format.rawValue,
                    "schedule": definition.timing.map { CronWords.describe($0.cron.description, timeZone: $0.timeZone.identifier) } ?? "on demand",
                    "next": status.next.map { PageFormat.time($0) } ?? "", "lastRun": status.lastRun.map { "\($0.status.rawValue) \(PageFormat.time($0.startedAt))" } ?? ""]
        }
        let runs = try await services.exports.history(ExportHistoryParams(limit: 50, beforeID: try query.int("before", in: 1...Int64.max)))
        var data: [String: Any] = ["exports": definitions, "runs": runs.map(Self.runRow)]
        if runs.count == 50, let last = runs.last { data["next"] = "/ui/exports?before=\(last.id)" }
        return pages.page("exports", title: "Exports", section: "exports", context: context, data: data)
    }

    static func runRow(_ run: ExportRun) -> [String: Any] {
        var row: [String: Any] = ["id": run.id, "export": run.export, "status": run.status.rawValue, "startedAt": PageFormat.time(run.startedAt),
                                  "statusClass": run.status == .completed ? "ok" : run.status == .failed ? "bad" : "",
                                  "rows": run.rows ?? 0, "bytes": run.bytes ?? 0, "sha256": run.sha256 ?? ""]
        row["file"] = run.status == .completed ? run.path.map { URL(fileURLWithPath: $0).lastPathComponent } : nil
        row["error"] = run.error
        return row
    }

    @Sendable func schedules(_ request: Request, context: APIContext) async throws -> Response {
        let rows = try await services.schedules.list().map { status -> [String: Any] in
            let zone = status.timeZone.identifier == "GMT" ? "UTC" : status.timeZone.identifier
            return ["name": status.name, "cron": status.cron, "timeZone": zone, "words": CronWords.describe(status.cron, timeZone: zone),
                    "kind": status.kind, "queue": status.queue, "next": status.next.map { PageFormat.time($0) } ?? "never",
                    "lastTick": status.lastTick.map { PageFormat.time($0) } ?? "not yet"]
        }
        return pages.page("schedules", title: "Schedules", section: "schedules", context: context, data: ["schedules": rows])
    }
}
