import Foundation
import Hummingbird
import StewardApp
import StewardCore

/// `/queues`: depth, lag and throughput per queue; pausing and resuming one (admin).
struct QueueRoutes {
    let services: APIServices

    func add(to router: Router<APIContext>) {
        router.requiring(.viewer).get("/queues", use: list)
        router.requiring(.viewer).get("/processes", use: processes)
        router.requiring(.admin).post("/queues/{queue}/pause", use: pause)
        router.requiring(.admin).post("/queues/{queue}/resume", use: resume)
    }

    @Sendable func list(_ request: Request, context: APIContext) async throws -> [QueueView] {
        _ = try QueryInput(request, allowed: [])
        let now = services.clock.now()
        return try await services.queues.overview(now: now).map { QueueView($0.stats, pause: $0.pause, now: now) }
    }

    /// The worker processes seen in the last hour: host, pid, queues, running jobs, last beat.
    @Sendable func processes(_ request: Request, context: APIContext) async throws -> [ProcessView] {
        _ = try QueryInput(request, allowed: [])
        return try await services.queues.processes(now: services.clock.now()).map { ProcessView($0.process, silent: $0.silent) }
    }

    struct PauseBody: Decodable {
        var reason: String?
        var resumeAt: Date?
        static let fields: Set<String> = ["reason", "resume_at"]
    }

    @Sendable func pause(_ request: Request, context: APIContext) async throws -> PauseView {
        _ = try QueryInput(request, allowed: [])
        let queue = try context.pathText("queue")
        let body = try await JSONBody.decode(PauseBody.self, fields: PauseBody.fields, from: request, context: context, emptyAs: "{}")
        let now = services.clock.now()
        if let resumeAt = body.resumeAt, resumeAt <= now {
            throw APIProblem(.unprocessableContent, code: "invalid_body", "field 'resume_at' is not in the future", fix: "give a later time, or leave it out to pause until resumed")
        }
        let params = QueuePauseParams(queue: queue, reason: body.reason, resumeAt: body.resumeAt, by: context.actor, now: now)
        return PauseView(try await services.queues.pause(params, requestID: context.requestID))
    }

    struct Resumed: ResponseEncodable { var queue: String; var resumed: Bool }

    /// `resumed: false` when the queue was not paused.
    @Sendable func resume(_ request: Request, context: APIContext) async throws -> Resumed {
        _ = try QueryInput(request, allowed: [])
        let queue = try context.pathText("queue")
        let resumed = try await services.queues.resume(queue, by: context.actor, requestID: context.requestID, now: services.clock.now())
        return Resumed(queue: queue, resumed: resumed)
    }
}
