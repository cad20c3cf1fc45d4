import Foundation
import Logging
import StewardCore
import StewardSQLite
import StewardTesting
import Testing

/// Schedulers against a real SQLite file. Two stores on one file stand for two processes.
@Suite("Scheduler", .sqliteDatabase)
struct SchedulerTests {
    let clock = ManualClock()  // 2026-01-05 09:00 UTC

    func everyMinute(overlap: ScheduledJob.Overlap = .allow) throws -> ScheduledJob {
        ScheduledJob(name: "minutely", schedule: try CronSchedule(parsing: "* * * * *"), catchUp: .all, overlap: overlap, job: NewJob(kind: "noop", maxAttempts: 1))
    }

    func scheduler(_ store: SQLiteJobStore, _ jobs: [ScheduledJob]) -> Scheduler {
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        return Scheduler(store: store, jobs: jobs, clock: clock, logger: logger)
    }

    @Test func twoSchedulersAndARestartEnqueueEachTickOnce() async throws {
        let test = try SQLiteDatabaseTrait.store()
        let other = try SQLiteJobStore.open(path: test.path)
        let job = try everyMinute()
        let first = scheduler(test.store, [job]), second = scheduler(other, [job])
        await first.tickAll(now: clock.now())  // first sight: records now, enqueues nothing
        for _ in 1...5 {
            clock.advance(by: .seconds(60))
            await first.tickAll(now: clock.now())
            await second.tickAll(now: clock.now())
        }
        let restarted = scheduler(other, [job])
        clock.advance(by: .seconds(150))  // down over two ticks; catch_up: all runs both
        await restarted.tickAll(now: clock.now())
        await first.tickAll(now: clock.now())
        let keys = try await test.store.jobList(JobListParams(limit: 100)).compactMap(\.uniqueKey).sorted()
        #expect(keys.count == 7)
        #expect(Set(keys).count == 7)
        #expect(keys.first == "schedule:minutely:2026-01-05T09:01:00Z")
        #expect(keys.last == "schedule:minutely:2026-01-05T09:07:00Z")
    }

    @Test func aStaleSchedulerNeitherCancelsNorReinsertsATickAlreadyRecorded() async throws {
        let store = try SQLiteDatabaseTrait.store().store
        let job = try everyMinute(overlap: .replace)
        let start = clock.now()
        _ = try await store.scheduleRecordTicks(name: job.name, lastTick: start, jobs: [], replacing: false, now: start)
        let tick = start.addingTimeInterval(60)
        let first = try await store.scheduleRecordTicks(name: job.name, lastTick: tick, jobs: [job.job(tick: tick)], replacing: true, now: tick)
        // A second scheduler that planned the same tick before the first committed:
        let late = try await store.scheduleRecordTicks(name: job.name, lastTick: tick, jobs: [job.job(tick: tick)], replacing: true, now: tick)
        #expect(first.count == 1 && late.isEmpty)
        #expect(try await store.jobGet(id: first[0].job.id)?.state == .available, "not cancelled by the stale scheduler")
    }

    @Test func caughtUpTicksCollapseToTheNewestWhenRunsMayNotOverlap() async throws {
        let store = try SQLiteDatabaseTrait.store().store
        let job = ScheduledJob(name: "m", schedule: try CronSchedule(parsing: "* * * * *"), catchUp: .all, overlap: .forbid, job: NewJob(kind: "noop"))
        let scheduler = scheduler(store, [job])
        await scheduler.tickAll(now: clock.now())
        clock.advance(by: .seconds(300))
        await scheduler.tickAll(now: clock.now())
        let keys = try await store.jobList(JobListParams()).compactMap(\.uniqueKey)
        #expect(keys == ["schedule:m:2026-01-05T09:05:00Z"])
    }

    @Test func forbidSkipsTicksWhileTheLastRunIsUnfinishedAndReplaceCancelsIt() async throws {
        let store = try SQLiteDatabaseTrait.store().store
        let forbid = scheduler(store, [try everyMinute(overlap: .forbid)])
        await forbid.tickAll(now: clock.now())
        clock.advance(by: .seconds(60))
        await forbid.tickAll(now: clock.now())
        clock.advance(by: .seconds(60))
        await forbid.tickAll(now: clock.now())
        #expect(try await store.jobList(JobListParams()).count == 1)

        let replace = scheduler(store, [try everyMinute(overlap: .replace)])
        clock.advance(by: .seconds(60))
        await replace.tickAll(now: clock.now())
        let jobs = try await store.jobList(JobListParams())
        #expect(jobs.map(\.state) == [.available, .cancelled])
    }
}
