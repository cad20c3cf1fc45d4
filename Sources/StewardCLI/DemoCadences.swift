import StewardApp
import Foundation
import Logging
import StewardCore
import StewardCRM
import StewardSQLite
import StewardWorkflows

/// The demo's cadences and winback: the fixture CRM (Fixtures/crm), three new opportunities
/// enrolled through their `opportunity.created` events, one of them won (its cadence stops),
/// and a winback scan as of the fixture's reference day that flags the accounts that stopped
/// buying and plans their winback calls.
enum DemoCadences {
    static let fixture = "Fixtures/crm/demo-crm.sql"
    static let cadenceFiles = ["Workflows/cadences/lead-follow-up.yml", "Workflows/cadences/winback.yml"]
    /// The day the fixture's dates count back from (see Fixtures/crm/generate.py).
    static let referenceDay = CRMDay(year: 2026, month: 11, day: 2)

    static func run(store: SQLiteJobStore, clock: any JobClock) async throws -> String {
        guard let sql = try? DemoFiles.text(fixture), let set = try? definitions() else {
            return "Cadences and winback: skipped (\(fixture) and Workflows/cadences were found neither here nor in the source tree)"
        }
        try await CRMDemoData.load(sql: sql, into: store)
        var lines = ["Cadences and winback on the demo CRM (\(fixture)):"]
        lines += try await opportunities(store: store, set: set, clock: clock)
        lines += try await winback(store: store, set: set, clock: clock)
        return lines.joined(separator: "\n")
    }

    static func definitions() throws -> WorkflowSet {
        let files = try cadenceFiles.map { (path: $0, text: try DemoFiles.text($0)) }
        return try WorkflowLoader(environment: [:]).load(files: files)
    }

    /// New opportunities → events → `cadence_enroll` → `cadence_generate`; then one is won, and
    /// its `stop_on` event cancels what was still planned.
    static func opportunities(store: SQLiteJobStore, set: WorkflowSet, clock: any JobClock) async throws -> [String] {
        let changes = CRMChanges(store: store, actor: "demo")
        var created: [Int64] = []
        for account in [1001, 1002, 1003] as [Int64] {
            created.append(try await changes.createOpportunity(account: account, amount: 24000, stage: "qualified", now: clock.now()).id)
        }
        try await dispatchAndDrain(store: store, set: set, clock: clock)
        let planned = try await CadenceService(store: store).activities(ActivityFilter(), today: CRMDay(clock.now()))
        var lines = ["  3 opportunities created → \(planned.count) activities planned by lead-follow-up (business days), for opportunity \(created[0]):"]
        lines += planned.filter { $0.accountID == 1001 }.map { "    \($0.dueDate?.description ?? "")  \($0.type.padding(toLength: 5, withPad: " ", startingAt: 0))  \($0.owner ?? "")  \($0.subject)" }
        _ = try await changes.changeStage(opportunity: created[1], to: "closed_won", reason: nil, now: clock.now())
        try await dispatchAndDrain(store: store, set: set, clock: clock)
        let cancelled = try await CadenceService(store: store).activities(ActivityFilter(status: .cancelled), today: CRMDay(clock.now()))
        lines.append("  opportunity \(created[1]) won → its enrollment stopped (opportunity.closed_won), \(cancelled.count) planned activities cancelled")
        return lines
    }

    static func winback(store: SQLiteJobStore, set: WorkflowSet, clock: any JobClock) async throws -> [String] {
        let now = clock.now()
        guard let rule = set.winbacks.values.first, let cadence = set.cadences[rule.cadence] else { return [] }
        let service = WinbackService(store: store)
        let result = try await service.scan(rule, cadence: cadence, asOf: referenceDay, now: now)
        let again = try await service.scan(rule, cadence: cadence, asOf: referenceDay, now: now)
        try await drain(store: store, set: set, clock: clock)
        let counts = try await service.counts()
        var lines = ["  winback scan as of \(referenceDay): \(result.accounts) accounts, \(result.flagged.count) newly inactive → enrolled in '\(cadence.name)', "
            + "account.winback_flagged recorded; scanning again changed \(again.changed)"]
        lines += counts.map { "    \($0.activity.padding(toLength: 15, withPad: " ", startingAt: 0)) \($0.tenure.padding(toLength: 21, withPad: " ", startingAt: 0)) \($0.accounts)" }
        if let first = result.flagged.first {
            let calls = try await CadenceService(store: store).activities(ActivityFilter(status: .planned), today: referenceDay).filter { $0.accountID == first && $0.subject.hasPrefix("We miss you") }
            lines.append("  e.g. account \(first): \(calls.first.map { "\($0.type) \"\($0.subject)\" for \($0.owner ?? "") due \($0.dueDate?.description ?? "")" } ?? "no call")")
        }
        return lines
    }

    static func dispatchAndDrain(store: SQLiteJobStore, set: WorkflowSet, clock: any JobClock) async throws {
        let routes = WorkflowDirectory.eventRoutes(set, runnable: JobKinds.names).routes
        _ = await EventDispatcher(store: store, routes: routes, clock: clock, logger: quietLogger).dispatchPending()
        try await drain(store: store, set: set, clock: clock)
    }

    static func drain(store: SQLiteJobStore, set: WorkflowSet, clock: any JobClock) async throws {
        var configuration = WorkerPoolConfiguration()
        configuration.drain = true
        configuration.queues = ["cadences": 4]
        let registry = JobKinds.registry(store: store, definitions: WorkflowDefinitions(set), clock: clock, logger: quietLogger)
        try await WorkerPool(store: store, registry: registry, configuration: configuration, clock: clock, logger: quietLogger).run()
    }

    static var quietLogger: Logger {
        var logger = Logger(label: "steward.demo")
        logger.logLevel = .critical
        return logger
    }
}
