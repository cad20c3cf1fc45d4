import Foundation
import Hummingbird
import StewardApp
import StewardCore

/// `/activity`: the engine's per-minute rollup (completed, failed, retried, run-time p50/p95)
/// for charts and alerting, the last hour unless a range is given.
struct JobActivityRoutes {
    let services: APIServices

    func add(to router: Router<APIContext>) {
        router.requiring(.viewer).get("/activity", use: list)
    }

    enum Grouping: String, CaseIterable { case kind, queue }

    @Sendable func list(_ request: Request, context: APIContext) async throws -> JobActivityView {
        let query = try QueryInput(request, allowed: ["from", "to", "queue", "kind", "group", "bucket"])
        let to = try query.time("to") ?? services.clock.now()
        let from = try query.time("from") ?? to.adding(.zero - ActivityRange.hour.span)
        // Each time is well formed: that they are out of order is a 422, as the document says.
        guard from < to else {
            throw APIProblem(.unprocessableContent, code: "invalid_parameter", "parameter 'from': must come before 'to'",
                             fix: "give a 'from' before 'to' (an hour before it by default)")
        }
        let sumKinds = try query.choice("group", of: Grouping.self) == .queue
        let bucket = try query.string("bucket").map { text in
            guard let duration = try? DurationParsing.require(text, field: "bucket") else {
                throw APIProblem.badParameter("bucket", "'\(text)' is not a duration", fix: "write e.g. 15m or 1h")
            }
            return duration
        } ?? .seconds(60)
        let rows = try await services.activity.minutes(from: from, to: to, queue: try query.string("queue"), kind: try query.string("kind"),
                                                       sumKinds: sumKinds, bucket: bucket)
        return JobActivityView(from: from, to: to, minutes: rows.map(JobActivityMinuteView.init))
    }
}
