import Foundation

/// Kinds every Steward process knows: for smoke tests, demos and checking a deployment.
public enum BuiltinKinds {
    public static var all: [JobKind] { [noop, sleep, fail] }

    /// Does nothing; measures the engine's own overhead.
    public static let noop = JobKind(name: "noop") { _ in .completed }

    /// Waits `{"seconds": N}` (default 1, at most a day); cancellable, so shutdown and timeouts
    /// interrupt it. The wait goes through the pool's clock.
    public static let sleep = JobKind(name: "sleep", checkArguments: { _ = try sleepDuration($0) }) { context in
        let duration: Duration
        do { duration = try sleepDuration(context.job.args) } catch { throw JobPermanentError("\(error)") }
        try await context.clock.sleep(for: duration)
        return .completed
    }

    /// The longest `sleep`: no number from the arguments reaches `Duration` unchecked.
    public static let longestSleep = 86_400.0

    static func sleepDuration(_ args: String) throws -> Duration {
        struct Args: Decodable { var seconds: Double? }
        let seconds = try JobArguments.decode(Args.self, from: args, kind: "sleep").seconds ?? 1
        guard seconds.isFinite, (0...longestSleep).contains(seconds) else {
            throw JobArguments.invalid("sleep", field: "seconds", "must be from 0 to \(Int(longestSleep)) (got \(seconds))")
        }
        return .seconds(seconds)
    }

    private struct FailArgs: Decodable { var message: String?; var permanent: Bool? }

    /// Fails with `{"message": "...", "permanent": false}`: shows retries and discards.
    public static let fail = JobKind(
        name: "fail",
        retryPolicy: RetryPolicy(maxAttempts: 3, backoff: .exponential(base: .seconds(1), cap: .seconds(60))),
        checkArguments: { _ = try JobArguments.decode(FailArgs.self, from: $0, kind: "fail") }
    ) { context in
        let args = try context.arguments(FailArgs.self)
        let message = args.message ?? "failed on purpose"
        if args.permanent == true { throw JobPermanentError(message) }
        throw StewardError(.init(rawValue: "job_failed"), message)
    }
}
