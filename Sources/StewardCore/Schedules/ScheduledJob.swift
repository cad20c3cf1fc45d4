public import Foundation

/// A job enqueued on a cron schedule, once per tick.
public struct ScheduledJob: Sendable, Equatable {
    /// What to do with ticks missed while no scheduler was running.
    public enum CatchUp: String, Sendable, CaseIterable {
        /// Run only a tick that is on time; missed ones are dropped.
        case skip
        /// Run the most recent missed tick once.
        case latest
        /// Run every missed tick, up to `catchUpLimit` of the most recent.
        case all
    }

    /// What to do when a tick comes while the previous run has not finished.
    public enum Overlap: String, Sendable, CaseIterable { case allow, forbid, replace }

    public var name: String
    public var schedule: CronSchedule
    public var catchUp: CatchUp
    public var catchUpLimit: Int
    /// A tick not enqueued within this long after its time is dropped (default: one minute
    /// for `skip`, unlimited otherwise).
    public var startingDeadline: Duration?
    public var overlap: Overlap
    public var job: NewJob

    public init(
        name: String, schedule: CronSchedule, catchUp: CatchUp = .latest, catchUpLimit: Int = 10,
        startingDeadline: Duration? = nil, overlap: Overlap = .forbid, job: NewJob
    ) {
        self.name = name
        self.schedule = schedule
        self.catchUp = catchUp
        self.catchUpLimit = catchUpLimit
        self.startingDeadline = startingDeadline
        self.overlap = overlap
        self.job = job
    }

    /// The unique key of the job for one tick: two schedulers, or a restart, insert it once.
    public func uniqueKey(tick: Date) -> String {
        "schedule:\(name):\(tick.formatted(.iso8601))"
    }

    /// The job for a tick: the template plus `"tick"` (the nominal fire time, ISO 8601), keyed
    /// by schedule and tick. A caught-up tick's job thus knows which moment it stands for.
    public func job(tick: Date) -> NewJob {
        var job = job.addingArguments(["tick": tick.formatted(.iso8601)])
        job.uniqueKey = uniqueKey(tick: tick)
        job.uniqueStates = .uniqueDefault
        return job
    }
}
