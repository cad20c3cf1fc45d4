import Foundation
import Logging
import Synchronization

/// Claims and runs the jobs of one queue, at most `concurrency` at a time. It parks on its
/// wake-up between claims: an enqueue, a finished job, a foreign commit or shutdown fires it; the
/// poll interval and the next scheduled run time bound the wait.
final class QueueWorker: Sendable {
    let queue: String
    let concurrency: Int
    let context: PoolContext
    let wakeup = Wakeup()
    private let running = Atomic<Int>(0)

    init(queue: String, concurrency: Int, context: PoolContext) {
        self.queue = queue
        self.concurrency = concurrency
        self.context = context
    }

    func run() async {
        await withDiscardingTaskGroup { group in
            while !context.shutdown.isTriggered, !Task.isCancelled {
                let limit = claimLimit()
                let claimed = await claim(limit: limit)
                for job in claimed { start(job, in: &group) }
                // A full batch: more may be waiting, so claim again before parking.
                if !claimed.isEmpty, claimed.count == limit { continue }
                if context.configuration.drain, await isPoolDrained(claimedNow: claimed) { context.drain.finish() }
                if context.drain.isDone { break }
                await wakeup.wait(until: await nextDeadline(), clock: context.clock)
            }
        }
    }

    private func start(_ job: Job, in group: inout DiscardingTaskGroup) {
        running.add(1, ordering: .relaxed)
        context.drain.jobStarted()
        group.addTask {
            await self.context.runner.run(job)
            self.running.subtract(1, ordering: .relaxed)
            self.context.drain.jobFinished()
            self.wakeup.signal()
        }
    }

    /// How many to ask for: free slots, at most a batch.
    private func claimLimit() -> Int {
        let free = concurrency - running.load(ordering: .relaxed)
        return min(max(free, 0), context.configuration.claimBatchSize)
    }

    private func claim(limit: Int) async -> [Job] {
        guard limit > 0, !context.shutdown.isTriggered, !Task.isCancelled else { return [] }
        let params = JobClaimParams(
            queue: queue, limit: limit, owner: context.configuration.owner,
            leaseDuration: context.configuration.leaseDuration, now: context.clock.now()
        )
        // A claim in flight counts as work, so another queue cannot call the pool drained
        // between this claim's commit and its jobs starting.
        context.drain.jobStarted()
        defer { context.drain.jobFinished() }
        do {
            return try await context.store.jobClaim(params)
        } catch {
            context.logger.warning("claim failed; retrying", metadata: ["queue": "\(queue)", "error": "\(error)"])
            return []
        }
    }

    /// In drain mode: nothing running in any queue, and nothing claimable in any queue (within
    /// the horizon) once pending outcomes are written. Other queues count because a job here may
    /// have enqueued there, and theirs here.
    private func isPoolDrained(claimedNow: [Job]) async -> Bool {
        guard claimedNow.isEmpty, context.drain.isIdle else { return false }
        await context.finisher.flush()
        let horizon = context.clock.now().adding(context.configuration.drainHorizon)
        for queue in context.configuration.queues.keys {
            guard let next = try? await context.store.jobNextRunAt(queue: queue) as Date?? else { return false }
            if let next, next <= horizon { return false }
        }
        return !context.finisher.hasPending && context.drain.isIdle
    }

    private func nextDeadline() async -> Date {
        let poll = context.clock.now().adding(context.configuration.pollInterval)
        guard let next = try? await context.store.jobNextRunAt(queue: queue) else { return poll }
        return min(poll, next)
    }
}
