public import Foundation

/// A process running a worker pool, as it announces itself every heartbeat: who operators see
/// working, on which host, serving which queues.
public struct WorkerProcess: Sendable, Equatable {
    /// Its `lease_owner`: the jobs it runs carry this name.
    public var owner: String
    public var host: String
    public var pid: Int
    /// Queue → how many of its jobs this process runs at once.
    public var queues: [String: Int]
    public var startedAt: Date
    public var seenAt: Date
    /// Jobs running under its leases (filled in when processes are listed).
    public var running: Int

    public init(owner: String, host: String, pid: Int, queues: [String: Int], startedAt: Date, seenAt: Date, running: Int = 0) {
        self.owner = owner
        self.host = host
        self.pid = pid
        self.queues = queues
        self.startedAt = startedAt
        self.seenAt = seenAt
        self.running = running
    }
}
