import Foundation
import Hummingbird
import StewardApp
import StewardCore
import StewardCRM

/// `/ui`: each queue's depth, lag and last hour (charts from the per-minute rollup), paused queues, the next schedule ticks,
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
        let processes = try await services.queues.processes(now: now).map { QueuePages.processRow($0.process, silent: $0.silent) }
        let importRows = imports.map { ["id": $0.id, "fileName": $0.fileName, "status": $0.status.rawValue, "percent": Int($0.progress * 100)] as [String: Any] }
        return pages.page("overview", title: "Overview", section: "overview", context: context,
                          data: ["queuesTable": try await queueTable(), "schedules": Array(schedules), "endpoints": endpoints, "imports": importRows,
                                 "processes": processes])
    }

    @Sendable func queues(_ request: Request, context: APIContext) async throws -> Response {
        pages.html(try await queueTable())
    }

    /// Queues with jobs, a pause or activity in the last hour, each with its charts; then the
    /// hour per kind.
    private func queueTable() async throws -> String {
        let now = services.clock.now()
        let overview = try await services.queues.overview(now: now)
        let hour = try await services.activity.lastHour(now: now)
        var rows = Dictionary(uniqueKeysWithValues: overview.map { ($0.stats.queue, Self.queueRow($0.stats, $0.pause, now: now)) })
        for series in hour.queues where rows[series.queue] == nil {
            rows[series.queue] = Self.queueRow(.empty(series.queue), nil, now: now)
        }
        for queue in rows.keys {
            let series = hour.series(of: queue)
            rows[queue]?["completions"] = MinuteChart.completions(series)
            rows[queue]?["failures"] = MinuteChart.failures(series)
            rows[queue]?["p50"] = PageFormat.runTime(series.total.runTimes.percentile(0.5))
            rows[queue]?["p95"] = PageFormat.runTime(series.total.runTimes.percentile(0.95))
        }
        return pages.fragment("queueTable", data: ["queues": rows.keys.sorted().compactMap { rows[$0] }, "kinds": hour.kinds.map(Self.kindRow)])
    }

    /// A queue and kind's sums over a range, with its run-time p50/p95.
    static func kindRow(_ row: JobMinute) -> [String: Any] {
        ["queue": row.queue, "kind": row.kind, "completed": row.completed, "failed": row.failed, "retried": row.retried,
         "p50": PageFormat.runTime(row.runTimes.percentile(0.5)), "p95": PageFormat.runTime(row.runTimes.percentile(0.95))]
    }

    static func queueRow(_ stats: QueueStats, _ pause: QueuePause?, now: Date) -> [String: Any] {
        var row: [String: Any] = ["queue": stats.queue, "lag": PageFormat.seconds(stats.lag(at: now))]
        for state in JobState.allCases { row[state.rawValue] = stats.counts[state] ?? 0 }
        if let pause {
            var paused: [String: Any] = ["since": PageFormat.time(pause.pausedAt)]
            paused["reason"] = pause.reason
            row["paused"] = paused
        }
        return row
    }
}
