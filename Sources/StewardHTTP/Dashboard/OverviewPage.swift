import Foundation
import Hummingbird
import StewardApp
import StewardCore
import StewardCRM

/// `/ui`: each queue's depth, lag and last minutes, paused queues, the next schedule ticks,
/// failing endpoints and running imports.
struct OverviewPage {
    let services: APIServices
    let pages: Pages

    func add(to router: RouterGroup<APIContext>) {
        let viewer = router.group().add(middleware: RequirePage(role: .viewer, pages: pages))
        viewer.get("/ui", use: show)
        viewer.get("/ui/overview/queues", use: queues)
    }

    @Sendable func show(_ request: Request, context: APIContext) async throws -> Response {
        let now = services.clock.now()
        let schedules = try await services.schedules.list().compactMap { status -> [String: Any]? in
            guard let next = status.next else { return nil }
            return ["name": status.name, "cron": status.cron, "timeZone": status.timeZone.identifier, "next": PageFormat.time(next), "at": next]
        }.sorted { ($0["at"] as! Date) < ($1["at"] as! Date) }.prefix(8)
        let endpoints = try await services.webhooks.endpoints(counts: false).filter { $0.state == .disabled || $0.failingSince != nil }.map { status -> [String: Any] in
            var row: [String: Any] = ["name": status.name, "state": status.state.rawValue]
            row["since"] = status.failingSince.map { PageFormat.time($0) }
            row["reason"] = status.stored?.disabledReason
            return row
        }
        let imports = try await services.imports.list(ImportListParams(status: .processing, limit: 10))
            + services.imports.list(ImportListParams(status: .pending, limit: 10))
        let importRows = imports.map { ["id": $0.id, "fileName": $0.fileName, "status": $0.status.rawValue, "percent": Int($0.progress * 100)] as [String: Any] }
        return pages.page("overview", title: "Overview", section: "overview", context: context,
                          data: ["queuesTable": try await queueTable(), "schedules": Array(schedules), "endpoints": endpoints, "imports": importRows])
    }

    @Sendable func queues(_ request: Request, context: APIContext) async throws -> Response {
        pages.html(try await queueTable())
    }

    private func queueTable() async throws -> String {
        let now = services.clock.now()
        let rows = try await services.queues.overview(now: now).map { Self.queueRow($0.stats, $0.pause, now: now) }
        return pages.fragment("queueTable", data: ["queues": rows])
    }

    static func queueRow(_ stats: QueueStats, _ pause: QueuePause?, now: Date) -> [String: Any] {
        var row: [String: Any] = ["queue": stats.queue, "lag": PageFormat.seconds(stats.lag(at: now)),
                                  "completed": stats.completedInWindow, "discarded": stats.discardedInWindow]
        for state in JobState.allCases { row[state.rawValue] = stats.counts[state] ?? 0 }
        if let pause {
            var paused: [String: Any] = ["since": PageFormat.time(pause.pausedAt)]
            paused["reason"] = pause.reason
            row["paused"] = paused
        }
        return row
    }
}
