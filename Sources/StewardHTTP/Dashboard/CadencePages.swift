import Foundation
import Hummingbird
import StewardApp
import StewardCore
import StewardCRM
import StewardWorkflows

/// `/ui/cadences`: templates with their steps and open enrollments, one cadence's enrollments
/// with pause, resume and stop (operators), activities due today and overdue per owner, and
/// accounts by status.
struct CadencePages {
    let services: APIServices
    let pages: Pages

    func add(to router: RouterGroup<APIContext>) {
        router.group().add(middleware: RequirePage(role: .viewer, pages: pages)).get("/ui/cadences", use: show)
        let operatorRole = router.group().add(middleware: RequirePage(role: .operator, pages: pages))
        for action in ["pause", "resume", "stop"] {
            operatorRole.post("/ui/enrollments/{id}/\(action)", use: { _, context in try await change(action, context) })
        }
    }

    @Sendable func show(_ request: Request, context: APIContext) async throws -> Response {
        let query = try QueryInput(request, allowed: ["cadence", "flagged_before"])
        let service = CadenceService(store: services.store, actor: context.actor, requestID: context.requestID)
        try await service.sync(services.workflows.cadences.values.sorted { $0.name < $1.name }, now: services.clock.now())
        let cadences = try await service.summaries().map {
            ["name": $0.name, "version": $0.version, "days": $0.days, "generate": $0.generate, "steps": $0.steps, "active": $0.active, "paused": $0.paused,
             "stepList": Self.steps(of: services.workflows.cadences[$0.name])] as [String: Any]
        }
        let flaggedBefore = try query.int("flagged_before", in: 1...Int64.max)
        let flagged = try await WinbackService(store: services.store).flagged(limit: Self.flaggedPage, beforeID: flaggedBefore)
        let today = CRMDay(services.clock.now())
        var data: [String: Any] = [
            "cadences": cadences,
            "today": try await Self.perOwner(service.activities(ActivityFilter(due: .today, limit: 5_000), today: today)),
            "overdue": try await Self.perOwner(service.activities(ActivityFilter(due: .overdue, limit: 5_000), today: today)),
            "accounts": try await WinbackService(store: services.store).counts().map { ["activity": $0.activity, "tenure": $0.tenure, "count": $0.accounts] as [String: Any] },
            "flagged": flagged.map(Self.row),
        ]
        if flagged.count == Self.flaggedPage, let last = flagged.last { data["flaggedOlder"] = last.historyID }
        if let name = try query.string("cadence") {
            data["cadence"] = name
            data["enrollments"] = try await service.enrollments(cadence: name, limit: 50).map(Self.row)
        }
        return pages.page("cadences", title: "Cadences", section: "cadences", context: context, data: data)
    }

    static let flaggedPage = 20

    /// A cadence's steps as its file defines them (the stored current version after `sync`).
    static func steps(of definition: CadenceDefinition?) -> [[String: Any]] {
        (definition?.steps ?? []).enumerated().map { number, step in
            var row: [String: Any] = ["number": number + 1, "day": step.day, "type": step.type.rawValue, "subject": step.subject]
            row["description"] = step.description
            return row
        }
    }

    static func row(_ flag: WinbackFlag) -> [String: Any] {
        var row: [String: Any] = ["account": flag.accountID, "asOf": flag.asOf, "was": flag.previousActivity ?? "not scanned", "tenure": flag.tenure]
        row["company"] = flag.companyName
        row["owner"] = flag.owner
        return row
    }

    static func perOwner(_ activities: [CRMActivity]) -> [[String: Any]] {
        Dictionary(grouping: activities, by: { $0.owner ?? "nobody" }).map { ["owner": $0.key, "count": $0.value.count] as [String: Any] }
            .sorted { ($0["owner"] as! String) < ($1["owner"] as! String) }
    }

    static func row(_ enrollment: CadenceEnrollment) -> [String: Any] {
        var row: [String: Any] = ["id": enrollment.id, "record": enrollment.record.description, "owner": enrollment.owner ?? "",
                                  "status": enrollment.status.rawValue, "step": enrollment.currentStep, "enrolledOn": enrollment.enrolledOn.description]
        row["active"] = enrollment.status == .active ? true : nil
        row["paused"] = enrollment.status == .paused ? true : nil
        row["open"] = enrollment.status.isOpen ? true : nil
        return row
    }

    func change(_ action: String, _ context: APIContext) async throws -> Response {
        let service = CadenceService(store: services.store, actor: context.actor, requestID: context.requestID)
        let id = try context.pathID()
        let now = services.clock.now()
        let enrollment = switch action {
        case "pause": try await service.pause(id, now: now)
        case "resume": try await service.resume(id, now: now)
        default: try await service.stop(id, reason: "stopped in the dashboard by \(context.actor)", now: now)
        }
        return Pages.seeOther("/ui/cadences?cadence=\(enrollment.cadence)")
    }
}
