import Foundation
import Logging

/// Runs one claimed job: calls its handler (cancellable, with the kind's timeout), turns the
/// result into an outcome, and hands it to the finisher.
struct JobRunner: Sendable {
    let registry: JobRegistry
    let inFlight: InFlightJobs
    let finisher: JobFinisher
    let clock: any JobClock
    let random: any JobRandom
    let metrics: PoolMetrics
    let logger: Logger

    func run(_ job: Job) async {
        guard let lease = job.lease else { return }
        let started = clock.now()
        metrics.recordStart(job, at: started)
        logger.debug("job started", metadata: ["job": "\(job.id)", "kind": "\(job.kind)", "attempt": "\(job.attempt)"])
        let result = await attempt(job, lease: lease)
        // The entry stays (and its lease is heartbeated) until the finisher has written the
        // outcome; only a lost lease ends it here.
        guard let outcome = outcome(of: job, result: result, reason: inFlight.reason(lease)) else {
            return inFlight.remove(lease)
        }
        metrics.recordFinish(job, outcome: outcome, ran: clock.now().timeIntervalSince(started))
        log(job, outcome: outcome)
        finisher.submit(JobFinish(lease: lease, outcome: outcome))
    }

    /// The handler runs in a task of its own so the heartbeat, a timeout or shutdown can cancel
    /// this one job.
    private func attempt(_ job: Job, lease: Lease) async -> Result<JobResult, any Error> {
        guard let kind = registry[job.kind] else {
            return .failure(StewardError(.unknownKind, "no handler for kind '\(job.kind)' in this worker"))
        }
        let context = JobContext(job: job, logger: logger.with(job: job), clock: clock)
        let task = Task { try await kind.handler(context) }
        inFlight.add(lease) { task.cancel() }
        return await withTaskCancellationHandler {
            await withTimeout(kind.timeout, lease: lease) { await task.result }
        } onCancel: {
            task.cancel()
        }
    }

    /// Cancels the job (reason `.timeout`) if it outlives `timeout`.
    private func withTimeout<T: Sendable>(
        _ timeout: Duration?, lease: Lease, _ body: @Sendable () async -> T
    ) async -> T {
        guard let timeout else { return await body() }
        let timer = Task { [inFlight, clock] in
            try await clock.sleep(for: timeout)
            inFlight.cancel([lease], reason: .timeout)
        }
        defer { timer.cancel() }
        return await body()
    }

    /// nil when the lease was lost: someone else owns the job now.
    private func outcome(of job: Job, result: Result<JobResult, any Error>, reason: CancelReason?) -> JobOutcome? {
        let now = clock.now()
        switch (result, reason) {
        case (_, .leaseLost):
            return nil
        case (.failure, .shutdown):
            return .release
        case (.failure, nil) where Task.isCancelled:
            // The pool itself was cancelled (not gracefully stopped): give the attempt back.
            return .release
        case (.failure, .timeout):
            return failure(job, message: "timed out", permanent: false, now: now)
        case (.success(.completed), _):
            return .completed
        case let (.success(.snooze(delay)), _):
            return .snooze(until: now.adding(delay))
        case let (.success(.retryLater(delay, error)), _):
            return .retryLater(at: now.adding(delay), error: error)
        case let (.failure(error as JobPermanentError), _):
            return failure(job, message: error.message, permanent: true, now: now)
        case let (.failure(error), _):
            return failure(job, message: String(describing: error), permanent: false, now: now)
        }
    }

    private func failure(_ job: Job, message: String, permanent: Bool, now: Date) -> JobOutcome {
        var generator = JobRandomGenerator(source: random)
        let policy = registry[job.kind]?.retryPolicy ?? .standard
        return policy.outcome(afterFailureOf: job, message: message, permanent: permanent, now: now, using: &generator)
    }

    private func log(_ job: Job, outcome: JobOutcome) {
        switch outcome {
        case .completed, .snooze, .release, .leaseLost:
            logger.trace("job finished", metadata: ["job": "\(job.id)", "outcome": "\(outcome.resultingState)"])
        case let .retry(at, error), let .retryLater(at, error):
            logger.warning("job failed; will retry", metadata: ["job": "\(job.id)", "kind": "\(job.kind)", "attempt": "\(job.attempt)", "retry_at": "\(at)", "error": "\(error)"])
        case let .discard(error):
            logger.error("job discarded", metadata: ["job": "\(job.id)", "kind": "\(job.kind)", "attempt": "\(job.attempt)", "error": "\(error)"])
        }
    }
}

extension Logger {
    func with(job: Job) -> Logger {
        var logger = self
        logger[metadataKey: "job"] = "\(job.id)"
        logger[metadataKey: "kind"] = "\(job.kind)"
        return logger
    }
}
