import Foundation
public import Logging

/// What a handler sees of the job it runs.
public struct JobContext: Sendable {
    public let job: Job
    public let logger: Logger
    /// The pool's clock: handlers wait on it, so tests drive their timers.
    public let clock: any JobClock

    public init(job: Job, logger: Logger, clock: any JobClock = SystemClock()) {
        self.job = job
        self.logger = logger
        self.clock = clock
    }

    /// Decodes the job's JSON arguments; a mismatch is a permanent failure, since retrying the
    /// same arguments cannot succeed.
    public func arguments<Args: Decodable>(_ type: Args.Type = Args.self) throws -> Args {
        do {
            return try JSONDecoder().decode(Args.self, from: Data(job.args.utf8))
        } catch {
            throw JobPermanentError("job \(job.id) (\(job.kind)): arguments do not match: \(error)")
        }
    }
}

/// How a handler says its attempt went, when it did not throw.
public enum JobResult: Sendable, Equatable {
    case completed
    /// Try again after `delay` without counting this attempt (e.g. a resource is busy).
    case snooze(Duration)
    /// This attempt failed, and the kind times its own retries (a webhook endpoint's schedule):
    /// try again after `delay` without counting it against `max_attempts`. Unlike a snooze, the
    /// error is kept on the job and the attempt counts as retried in the rollup.
    case retryLater(Duration, error: String)
}

/// Thrown by a handler to discard the job at once: retrying cannot help.
public struct JobPermanentError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

public typealias JobHandler = @Sendable (JobContext) async throws -> JobResult

/// A registered kind of job: its handler and how it is retried.
public struct JobKind: Sendable {
    public var name: String
    public var retryPolicy: RetryPolicy
    /// An attempt running longer than this is cancelled and counts as failed.
    public var timeout: Duration?
    /// A job whose lease is lost this many times in a row without its handler returning (its
    /// worker crashed or stalled each time) is discarded as a poison job.
    public var crashLimit: Int
    public var handler: JobHandler
    /// Runs in the transaction that discards or cancels a job of this kind.
    public var onGiveUp: JobGiveUpHook?
    /// Refuses arguments this kind cannot run, at enqueue.
    public var checkArguments: JobArgumentCheck?

    public init(name: String, retryPolicy: RetryPolicy = .standard, timeout: Duration? = nil, crashLimit: Int = LeaseLossRule.defaultCrashLimit,
                checkArguments: JobArgumentCheck? = nil, onGiveUp: JobGiveUpHook? = nil, handler: @escaping JobHandler) {
        self.name = name
        self.retryPolicy = retryPolicy
        self.timeout = timeout
        self.crashLimit = crashLimit
        self.checkArguments = checkArguments
        self.onGiveUp = onGiveUp
        self.handler = handler
    }
}
