public import Foundation
public import Logging
public import ServiceLifecycle
import Synchronization

/// Enqueues scheduled jobs exactly once per tick. Any number of schedulers may run against one
/// database: each tick's job carries the unique key (schedule, nominal fire time), so a second
/// scheduler or a restart finds the job already there. Sleeps until the next tick of any
/// schedule; `update` swaps the schedules (SIGHUP reload) and wakes it.
public final class Scheduler: Service, Sendable {
    private let store: any ScheduleStore
    private let clock: any JobClock
    private let logger: Logger
    private let jobs: Mutex<[ScheduledJob]>
    private let wakeup = Wakeup()
    /// Fills in the kinds' defaults (max attempts) the schedules' jobs leave open.
    private let registry: JobRegistry

    public init(store: any ScheduleStore, jobs: [ScheduledJob], clock: any JobClock = SystemClock(),
                registry: JobRegistry = JobRegistry(), logger: Logger) {
        self.store = store
        self.registry = registry
        self.jobs = Mutex(jobs)
        self.clock = clock
        self.logger = logger
    }

    public func update(_ jobs: [ScheduledJob]) {
        self.jobs.withLock { $0 = jobs }
        wakeup.signal()
    }

    public func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                let now = self.clock.now()
                await self.tickAll(now: now)
                await self.wakeup.wait(until: self.nextWake(after: now), clock: self.clock)
            }
        }
    }

    /// Enqueues what is due for every schedule; one failing schedule does not stop the others.
    public func tickAll(now: Date) async {
        let jobs = jobs.withLock { $0 }
        for job in jobs {
            do {
                try await tick(job, now: now)
            } catch {
                logger.error("schedule tick failed", metadata: ["schedule": "\(job.name)", "error": "\(error)"])
            }
        }
        logger.debug("schedules checked", metadata: ["count": "\(jobs.count)"])
    }

    private func tick(_ job: ScheduledJob, now: Date) async throws {
        let plan = TickPlanner.plan(for: job, lastTick: try await store.scheduleLastTick(name: job.name), now: now)
        guard let lastTick = plan.lastTick else { return }
        let (ticks, replacing) = try await applyOverlap(job, ticks: plan.enqueue)
        let results = try await store.scheduleRecordTicks(
            name: job.name, lastTick: lastTick, jobs: ticks.map { registry.withKindDefaults(job.job(tick: $0)) }, replacing: replacing, now: now
        )
        for result in results where result.inserted {
            logger.info("scheduled job enqueued", metadata: ["schedule": "\(job.name)", "job": "\(result.job.id)", "key": "\(result.job.uniqueKey ?? "")"])
        }
    }

    /// `forbid` drops ticks while the previous run is unfinished; `replace` cancels it. Either
    /// way at most one run exists at a time, so caught-up ticks collapse to the newest.
    private func applyOverlap(_ job: ScheduledJob, ticks: [Date]) async throws -> (ticks: [Date], replacing: Bool) {
        guard job.overlap != .allow else { return (ticks, false) }
        let ticks = Array(ticks.suffix(1))
        guard !ticks.isEmpty, let running = try await store.scheduleUnfinishedJob(name: job.name) else {
            return (ticks, false)
        }
        if job.overlap == .forbid {
            logger.notice("tick skipped: previous run unfinished", metadata: ["schedule": "\(job.name)", "job": "\(running.id)"])
            return ([], false)
        }
        return (ticks, true)
    }

    private func nextWake(after now: Date) -> Date {
        let next = jobs.withLock { $0.compactMap { $0.schedule.nextFireDate(after: now) }.min() }
        // Re-check at least hourly: cheap, and covers clock jumps.
        return min(next ?? now.addingTimeInterval(3600), now.addingTimeInterval(3600))
    }
}
