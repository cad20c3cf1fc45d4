import Foundation
import Logging

/// The pool's periodic chores. Each loops on the injected clock until its task is cancelled, and
/// logs (never swallows) its failures.
struct Maintenance: Sendable {
    let context: PoolContext

    /// Extends this process's leases; cancels handlers whose lease was lost (rescued elsewhere,
    /// or cancelled by an operator).
    func heartbeat() async {
        await every(context.configuration.heartbeatInterval, name: "heartbeat", immediately: false) {
            let leases = context.inFlight.leasesToExtend
            let expiresAt = context.clock.now().adding(context.configuration.leaseDuration)
            let lost = try await context.store.jobHeartbeat(leases, expiresAt: expiresAt)
            if !lost.isEmpty {
                context.logger.warning("lease lost; cancelling handlers", metadata: ["jobs": "\(lost.sorted())"])
                context.inFlight.cancel(leases.filter { lost.contains($0.jobID) }, reason: .leaseLost)
            }
        }
    }

    /// Announces this process (host, pid, queues) every heartbeat after the first (`announceOnce`,
    /// before any claim), so operators see who works; `leave` removes it on a clean stop.
    func announce(startedAt: Date) async {
        await every(context.configuration.heartbeatInterval, name: "announcer", immediately: false) { try await beat(startedAt: startedAt) }
    }

    func announceOnce(startedAt: Date) async {
        do { try await beat(startedAt: startedAt) } catch {
            context.logger.warning("could not add this process to the list of workers", metadata: ["error": "\(error)"])
        }
    }

    private func beat(startedAt: Date) async throws {
        let configuration = context.configuration
        try await context.store.processBeat(WorkerProcess(
            owner: configuration.owner, host: ProcessInfo.processInfo.hostName, pid: Int(ProcessInfo.processInfo.processIdentifier),
            queues: configuration.queues, startedAt: startedAt, seenAt: context.clock.now()))
    }

    func leave() async {
        do { try await context.store.processGone(owner: context.configuration.owner) } catch {
            context.logger.warning("could not remove this process from the list of workers", metadata: ["error": "\(error)"])
        }
    }

    /// Returns jobs whose worker stopped heartbeating to `retryable` (or `discarded` when their
    /// attempts are spent), at start and then periodically.
    func rescue() async {
        await every(context.configuration.rescueInterval, name: "rescuer", immediately: true) { try await rescuePass() }
    }

    func rescueOnce() async {
        do { try await rescuePass() } catch { context.logger.error("rescuer failed", metadata: ["error": "\(error)"]) }
    }

    private func rescuePass() async throws {
        let rescued = try await context.store.jobRescueExpired(
            now: context.clock.now(), limit: 1000, hooks: context.registry.giveUpHooks
        ) { job in rescueOutcome(job) }
        for job in rescued { context.metrics.recordRescue(job) }
        if !rescued.isEmpty {
            context.logger.warning("rescued jobs with expired leases", metadata: ["jobs": "\(rescued.map(\.id))"])
        }
    }

    func rescueOutcome(_ job: Job) -> JobOutcome {
        LeaseLossRule.outcome(for: job, crashLimit: context.registry[job.kind]?.crashLimit ?? LeaseLossRule.defaultCrashLimit)
    }

    func prune() async {
        await every(context.configuration.pruneInterval, name: "pruner", immediately: true) {
            let now = context.clock.now()
            let params = JobPruneParams(
                completedBefore: now.adding(.zero - context.configuration.keepCompleted),
                discardedBefore: now.adding(.zero - context.configuration.keepDiscarded)
            )
            let pruned = try await context.store.jobPrune(params)
            if pruned > 0 { context.logger.info("pruned finished jobs", metadata: ["count": "\(pruned)"]) }
            _ = try await context.store.jobMinutesPrune(before: now.adding(.zero - context.configuration.keepActivity))
            // A killed process never leaves: forget it a day after its last heartbeat.
            _ = try await context.store.processPrune(seenBefore: now.adding(.seconds(-24 * 3600)))
        }
    }

    func stats() async {
        await every(context.configuration.statsInterval, name: "stats", immediately: true) {
            let counts = try await context.store.jobCountByState()
            context.metrics.recordCounts(counts, queues: context.configuration.queues.keys)
        }
    }

    func watchForeignCommits() async {
        do {
            try await context.store.watchForeignCommits(every: context.configuration.foreignCommitInterval, clock: context.clock)
        } catch is CancellationError {
        } catch {
            context.logger.error("foreign-commit watcher stopped; falling back to polling", metadata: ["error": "\(error)"])
        }
    }

    /// When shutdown starts, waits out the grace period, then cancels what still runs.
    func enforceShutdownGrace() async {
        await context.shutdown.wait()
        guard (try? await context.clock.sleep(for: context.configuration.shutdownGrace)) != nil else { return }
        if !context.inFlight.isEmpty {
            context.logger.warning("shutdown grace over; cancelling running jobs and returning them to the queue")
            context.inFlight.cancelAll(reason: .shutdown)
        }
    }

    private func every(
        _ interval: Duration, name: String, immediately: Bool, _ body: @Sendable () async throws -> Void
    ) async {
        var first = immediately
        while !Task.isCancelled {
            if !first {
                guard (try? await context.clock.sleep(for: interval)) != nil else { return }
            }
            first = false
            do {
                try await body()
            } catch is CancellationError {
                return
            } catch {
                context.logger.error("\(name) failed", metadata: ["error": "\(error)"])
            }
        }
    }
}
