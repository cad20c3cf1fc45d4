import Foundation

/// How a worker pool runs. Defaults suit a small back office; `validate()` names what is wrong.
public struct WorkerPoolConfiguration: Sendable {
    /// Queue name → how many of its jobs may run at once in this process.
    public var queues: [String: Int] = ["default": 10]
    /// Identifies this process in `lease_owner` (host:pid:random by default).
    public var owner: String = WorkerPoolConfiguration.defaultOwner()
    public var leaseDuration: Duration = .seconds(30)
    public var heartbeatInterval: Duration = .seconds(10)
    /// The longest an idle worker waits before looking again without any wake-up.
    public var pollInterval: Duration = .seconds(1)
    /// How often another process's commits are looked for (`PRAGMA data_version` on SQLite).
    public var foreignCommitInterval: Duration = .milliseconds(50)
    public var claimBatchSize: Int = 100
    public var rescueInterval: Duration = .seconds(15)
    public var pruneInterval: Duration = .seconds(3600)
    public var keepCompleted: Duration = .seconds(24 * 3600)
    public var keepDiscarded: Duration = .seconds(7 * 24 * 3600)
    /// How long the per-minute rollup (`job_minutes`) is kept.
    public var keepActivity: Duration = .seconds(7 * 24 * 3600)
    public var statsInterval: Duration = .seconds(15)
    /// On shutdown, how long running jobs may finish before they are cancelled and released.
    public var shutdownGrace: Duration = .seconds(10)
    /// Work until nothing is runnable, then return (batch use and tests).
    public var drain: Bool = false
    /// With `drain`, also wait for jobs that become due within this window (retries, snoozes).
    public var drainHorizon: Duration = .zero

    public init() {}

    public func validate() throws {
        for (queue, concurrency) in queues where !(1...Self.largest).contains(concurrency) {
            throw invalid("queue '\(queue)' concurrency must be from 1 to \(Self.largest) (try \(queue)=10)")
        }
        for queue in queues.keys where queue.trimmingCharacters(in: .whitespaces).isEmpty {
            throw invalid("a queue needs a name (try --queue default=10)")
        }
        if queues.isEmpty { throw invalid("at least one queue is needed (try --queue default=10)") }
        for (name, value) in [("heartbeat", heartbeatInterval), ("lease", leaseDuration), ("poll", pollInterval)] where value <= .zero {
            throw invalid("\(name) must be longer than zero (try the default by leaving it out)")
        }
        if leaseDuration < heartbeatInterval * 3 {
            let suggestion = Int((heartbeatInterval * 3).timeInterval.rounded(.up))
            throw invalid("lease must be ≥ 3 × heartbeat interval (try a lease of \(suggestion)s)")
        }
        if !(1...Self.largest).contains(claimBatchSize) { throw invalid("claim batch size must be from 1 to \(Self.largest) (try 100)") }
    }

    /// More workers or claims per query than this would only exhaust memory: the bound keeps a
    /// typo from reaching an allocation.
    public static let largest = 10_000

    private func invalid(_ message: String) -> StewardError {
        StewardError(.invalidConfiguration, message)
    }

    public static func defaultOwner() -> String {
        let host = ProcessInfo.processInfo.hostName
        return "\(host):\(ProcessInfo.processInfo.processIdentifier):\(UInt16.random(in: .min ... .max))"
    }
}
