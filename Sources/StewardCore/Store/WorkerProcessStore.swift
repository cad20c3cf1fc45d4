public import Foundation

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
