import Foundation

/// Kinds every Steward process knows: for smoke tests, demos and checking a deployment.
public enum BuiltinKinds {
    public static var all: [JobKind] { [noop, sleep, fail] }

    /// Does nothing; measures the engine's own overhead.
    public static let noop = JobKind(name: "noop") { _ in .completed }

    /// Waits `{"seconds": N}` (default 1); cancellable, so shutdown and timeouts interrupt it.
    public static let sleep = JobKind(name: "sleep") { context in
        struct Args: Decodable { var seconds: Double? }
        let args = try context.arguments(Args.self)
        try await Task.sleep(for: .seconds(args.seconds ?? 1))
        return .completed
    }

    /// Fails with `{"message": "...", "permanent": false}`: shows retries and discards.
    public static let fail = JobKind(
        name: "fail",
        retryPolicy: RetryPolicy(maxAttempts: 3, backoff: .exponential(base: .seconds(1), cap: .seconds(60)))
    ) { context in
        struct Args: Decodable { var message: String?; var permanent: Bool? }
        let args = try context.arguments(Args.self)
        let message = args.message ?? "failed on purpose"
        if args.permanent == true { throw JobPermanentError(message) }
        throw StewardError(.init(rawValue: "job_failed"), message)
    }
}
