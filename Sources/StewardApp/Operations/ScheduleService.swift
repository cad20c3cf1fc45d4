public import Foundation
import GRDB
public import StewardCore
public import StewardSQLite
public import StewardWorkflows
import StewardCRM

/// One schedule from the workflow files (a `kind: schedule`, a scheduled export or winback
/// rule) with its next and last tick.
public struct ScheduleStatus: Sendable, Equatable {
    public var name: String
    public var cron: String
    public var timeZone: TimeZone
    public var kind: String
    public var queue: String
    public var next: Date?
    public var lastTick: Date?
}

/// Schedules for people: when they fire next and fired last, and running one now.
public struct ScheduleService: Sendable {
    public let store: SQLiteJobStore
    public let clock: any JobClock
    public let workflows: WorkflowSet

    public init(store: SQLiteJobStore, clock: any JobClock, workflows: WorkflowSet) {
        self.store = store
        self.clock = clock
        self.workflows = workflows
    }

    var scheduled: [ScheduledJob] { WorkflowDirectory.scheduledJobs(workflows).sorted { $0.name < $1.name } }

    public func list() async throws -> [ScheduleStatus] {
        let now = clock.now()
        var statuses: [ScheduleStatus] = []
        for job in scheduled {
            statuses.append(ScheduleStatus(name: job.name, cron: job.schedule.expression.description, timeZone: job.schedule.timeZone,
                                           kind: job.job.kind, queue: job.job.queue ?? "default", next: job.schedule.nextFireDate(after: now),
                                           lastTick: try await store.scheduleLastTick(name: job.name)))
        }
        return statuses
    }

    /// Enqueues the schedule's job now, dated now (its ticks are left as they are), audited.
    public func runNow(_ name: String, by actor: String, requestID: String? = nil) async throws -> Job {
        guard let scheduled = scheduled.first(where: { $0.name == name }) else {
            throw StewardError(.scheduleNotFound, "no schedule named '\(name)'",
                               fix: "the schedules are \(self.scheduled.map(\.name).joined(separator: ", "))")
        }
        let now = clock.now()
        var job = scheduled.job(tick: now)
        job.uniqueKey = nil
        let prepared = job
        return try await store.database.write { [store] db in
            let inserted = try store.enqueue([prepared], in: db, now: now)[0].job
            try CRMAudit.record("schedule.run_now", entity: "schedule", id: nil, details: ["schedule": name, "job": String(inserted.id)],
                                actor: actor, requestID: requestID, db: db, now: now)
            return inserted
        }
    }
}

extension StewardError.Code {
    public static let scheduleNotFound = Self(rawValue: "schedule_not_found")
}
