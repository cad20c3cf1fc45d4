import Foundation
import StewardCore
import Testing

@Suite("Tick planning")
struct TickPlannerTests {
    /// Every hour on the hour, UTC.
    func hourly(_ catchUp: ScheduledJob.CatchUp, limit: Int = 10, deadline: Duration? = nil) throws -> ScheduledJob {
        ScheduledJob(name: "h", schedule: try CronSchedule(parsing: "0 * * * *"), catchUp: catchUp, catchUpLimit: limit,
                     startingDeadline: deadline, job: NewJob(kind: "noop"))
    }

    let nine = ManualClockTime.start  // 2026-01-05 09:00 UTC
    func at(_ hours: Double) -> Date { nine.addingTimeInterval(hours * 3600) }

    @Test func aNewScheduleStartsFromNowWithoutCatchingUp() throws {
        let plan = TickPlanner.plan(for: try hourly(.all), lastTick: nil, now: at(0.5))
        #expect(plan == .init(enqueue: [], lastTick: at(0.5)))
    }

    @Test func anOnTimeTickIsEnqueuedOnce() throws {
        let plan = TickPlanner.plan(for: try hourly(.skip), lastTick: at(0), now: at(1) + 5)
        #expect(plan == .init(enqueue: [at(1)], lastTick: at(1)))
        let again = TickPlanner.plan(for: try hourly(.skip), lastTick: plan.lastTick, now: at(1) + 30)
        #expect(again.enqueue.isEmpty)
    }

    @Test func afterDowntimeSkipDropsLatestRunsOnceAllRunsUpToTheLimit() throws {
        let lastTick = at(0), now = at(5.5)  // ticks at 1, 2, 3, 4, 5 were missed
        #expect(TickPlanner.plan(for: try hourly(.skip), lastTick: lastTick, now: now) == .init(enqueue: [], lastTick: at(5)))
        #expect(TickPlanner.plan(for: try hourly(.latest), lastTick: lastTick, now: now) == .init(enqueue: [at(5)], lastTick: at(5)))
        #expect(TickPlanner.plan(for: try hourly(.all, limit: 3), lastTick: lastTick, now: now) == .init(enqueue: [at(3), at(4), at(5)], lastTick: at(5)))
    }

    @Test func longDowntimeRunsTheNewestTicksNotTheOldest() throws {
        let minutely = ScheduledJob(name: "m", schedule: try CronSchedule(parsing: "* * * * *"), catchUp: .latest, job: NewJob(kind: "noop"))
        let eightDays = at(8 * 24)
        let plan = TickPlanner.plan(for: minutely, lastTick: at(0), now: eightDays + 30)
        #expect(plan == .init(enqueue: [eightDays], lastTick: eightDays))
    }

    @Test func theStartingDeadlineDropsTicksTooLateToStart() throws {
        let plan = TickPlanner.plan(for: try hourly(.all, deadline: .seconds(7200)), lastTick: at(0), now: at(5.5))
        #expect(plan == .init(enqueue: [at(4), at(5)], lastTick: at(5)))
        let latest = TickPlanner.plan(for: try hourly(.latest, deadline: .seconds(600)), lastTick: at(0), now: at(5.5))
        #expect(latest == .init(enqueue: [], lastTick: at(5)))
    }
}

extension Date {
    static func + (date: Date, seconds: Int) -> Date { date.addingTimeInterval(TimeInterval(seconds)) }
}
