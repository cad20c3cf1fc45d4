import Foundation
import Hummingbird
import StewardApp
import StewardCore

/// `/ui/queues`: each queue's state; one queue's last hour, day or week from the rollup; admins
/// pause (with a reason) and resume.
struct QueuePages {
    let services: APIServices
    let pages: Pages

    func add(to router: RouterGroup<APIContext>) {
        let viewer = router.group().add(middleware: RequirePage(role: .viewer, pages: pages))
        viewer.get("/ui/queues", use: list)
        viewer.get("/ui/queues/{queue}", use: show)
        let admin = router.group().add(middleware: RequirePage(role: .admin, pages: pages))
        admin.post("/ui/queues/{queue}/pause", use: pause)
        admin.post("/ui/queues/{queue}/resume", use: resume)
    }

    @Sendable func list(_ request: Request, context: APIContext) async throws -> Response {
        let now = services.clock.now()
        let queues = try await services.queues.overview(now: now).map { OverviewPage.queueRow($0.stats, $0.pause, now: now) }
        let processes = try await services.queues.processes(now: now).map { Self.processRow($0.process, silent: $0.silent) }
        return pages.page("queues", title: "Queues", section: "queues", context: context, data: ["queues": queues, "processes": processes])
    }

    static func processRow(_ process: WorkerProcess, silent: Bool) -> [String: Any] {
        var row: [String: Any] = [
            "owner": process.owner, "host": process.host, "pid": process.pid, "running": process.running,
            "queues": process.queues.keys.sorted().map { "\($0)=\(process.queues[$0] ?? 0)" }.joined(separator: " "),
            "started": PageFormat.time(process.startedAt), "seen": PageFormat.time(process.seenAt),
        ]
        row["silent"] = silent ? true : nil
        return row
    }

    /// One queue: its depth and pause, its charts over the chosen range, and that range per kind.
    @Sendable func show(_ request: Request, context: APIContext) async throws -> Response {
        let query = try QueryInput(request, allowed: ["range"])
        let range = try query.choice("range", of: ActivityRange.self) ?? .hour
        let queue = try context.pathText("queue")
        let now = services.clock.now()
        let state = try await services.queues.overview(now: now).first { $0.stats.queue == queue }
        let (series, kinds) = try await services.activity.history(of: queue, range: range, now: now)
        var data = OverviewPage.queueRow(state?.stats ?? .empty(queue), state?.pause, now: now)
        data["completions"] = MinuteChart.completions(series, size: .large)
        data["failures"] = MinuteChart.failures(series, size: .large)
        data["ranges"] = ActivityRange.allCases.map { ["value": $0.rawValue, "label": $0.last, "current": $0 == range] as [String: Any] }
        data["last"] = range.last
        data["onQueuePage"] = true
        data["kinds"] = kinds.map(OverviewPage.kindRow)
        return pages.page("queue", title: "Queue \(queue)", section: "queues", context: context, data: data)
    }

    @Sendable func pause(_ request: Request, context: APIContext) async throws -> Response {
        var request = request
        let form = FormFields(String(buffer: try await request.collectBody(upTo: 64 << 10)))
        let reason = form["reason"]?.trimmingCharacters(in: .whitespaces)
        let params = QueuePauseParams(queue: try context.pathText("queue"), reason: reason?.isEmpty == false ? reason : nil,
                                      by: context.actor, now: services.clock.now())
        _ = try await services.queues.pause(params, requestID: context.requestID)
        return Pages.seeOther(Self.back(to: form, queue: params.queue))
    }

    @Sendable func resume(_ request: Request, context: APIContext) async throws -> Response {
        var request = request
        let form = FormFields(String(buffer: try await request.collectBody(upTo: 64 << 10)))
        let queue = try context.pathText("queue")
        _ = try await services.queues.resume(queue, by: context.actor, requestID: context.requestID, now: services.clock.now())
        return Pages.seeOther(Self.back(to: form, queue: queue))
    }

    /// Back to the queue's own page when its form said so (`back=queue`), else to the list.
    static func back(to form: FormFields, queue: String) -> String {
        guard form["back"] == "queue", let name = queue.addingPercentEncoding(withAllowedCharacters: .alphanumerics) else { return "/ui/queues" }
        return "/ui/queues/" + name
    }
}
