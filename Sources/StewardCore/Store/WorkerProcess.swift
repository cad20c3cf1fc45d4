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

/// Where pools announce themselves. A process that stops cleanly leaves; one killed is
/// recognised by its last heartbeat growing old.
public protocol WorkerProcessStore: Sendable {
    /// Records the process as alive at its `seenAt` (added on its first beat).
    func processBeat(_ process: WorkerProcess) async throws
    func processGone(owner: String) async throws
    /// Processes seen at `since` or later, by owner, each with its running jobs counted.
    func processes(seenSince since: Date) async throws -> [WorkerProcess]
    /// Forgets processes last seen before `cutoff`; returns how many.
    func processPrune(seenBefore cutoff: Date) async throws -> Int
}
