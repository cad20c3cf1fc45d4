public import Foundation

/// Decides which ticks of a schedule to enqueue now. Pure: the last recorded tick and the time
/// in, ticks out, so catch-up and deadline rules are tested without a clock or a database.
public enum TickPlanner {
    public struct Plan: Sendable, Equatable {
        /// Ticks to enqueue, oldest first.
        public var enqueue: [Date]
        /// The newest tick that has come, enqueued or not; recorded so it is not seen again.
        public var lastTick: Date?

        public init(enqueue: [Date], lastTick: Date?) {
            self.enqueue = enqueue
            self.lastTick = lastTick
        }
    }

    /// At most this many missed ticks are walked (two years of a minutely schedule), and only
    /// the newest `keptTicks` are kept, so long downtime costs bounded time and memory and
    /// never replays stale ticks first.
    static let scanLimit = 1_100_000
    static let keptTicks = 1000

    /// A tick counts as on time for `skip` within this long.
    public static let onTimeWindow: Duration = .seconds(60)

    public static func plan(for job: ScheduledJob, lastTick: Date?, now: Date) -> Plan {
        // First sight of a schedule: nothing was missed, start counting from now.
        guard let lastTick else { return Plan(enqueue: [], lastTick: now) }
        let due = ticks(of: job, after: lastTick, upTo: now)
        guard let newest = due.last else { return Plan(enqueue: [], lastTick: lastTick) }
        let deadline = job.startingDeadline ?? (job.catchUp == .skip ? onTimeWindow : nil)
        let inTime = due.filter { tick in deadline.map { now.timeIntervalSince(tick) <= $0.timeInterval } ?? true }
        switch job.catchUp {
        case .skip, .latest:
            return Plan(enqueue: inTime.last == newest ? [newest] : [], lastTick: newest)
        case .all:
            return Plan(enqueue: Array(inTime.suffix(job.catchUpLimit)), lastTick: newest)
        }
    }

    private static func ticks(of job: ScheduledJob, after start: Date, upTo now: Date) -> [Date] {
        var ticks: [Date] = []
        var cursor = start
        var walked = 0
        while walked < scanLimit, let next = job.schedule.nextFireDate(after: cursor), next <= now {
            ticks.append(next)
            if ticks.count > 2 * keptTicks { ticks.removeFirst(keptTicks) }
            cursor = next
            walked += 1
        }
        return Array(ticks.suffix(keptTicks))
    }
}
