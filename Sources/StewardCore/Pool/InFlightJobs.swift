import Synchronization

/// Why a running job's handler was cancelled; decides what its outcome becomes.
enum CancelReason: Sendable, Equatable {
    /// Shutdown grace ran out (or the pool's task was cancelled): release the job without
    /// spending the attempt.
    case shutdown
    /// The lease was lost (rescued elsewhere or cancelled by an operator): write nothing.
    case leaseLost
    /// The kind's timeout passed: a failed attempt.
    case timeout
}

/// The jobs this process holds leases for, from claim until their outcome is written, with a
/// way to cancel each handler. Entries are keyed by lease (job id and token), so a stale run
/// of a job this process claimed again can never be confused with the current one.
final class InFlightJobs: Sendable {
    struct Key: Hashable {
        var jobID: JobID
        var token: Int64

        init(_ lease: Lease) {
            jobID = lease.jobID
            token = lease.token
        }
    }

    private struct Entry {
        var lease: Lease
        var cancel: @Sendable () -> Void
        var reason: CancelReason?
    }

    private struct State {
        var entries: [Key: Entry] = [:]
        /// Once shutdown grace is over, handlers that start late are cancelled at once.
        var cancelNewOnes: CancelReason?
    }

    private let state = Mutex(State())

    func add(_ lease: Lease, cancel: @escaping @Sendable () -> Void) {
        let cancelNow = state.withLock { state -> Bool in
            state.entries[Key(lease)] = Entry(lease: lease, cancel: cancel, reason: state.cancelNewOnes)
            return state.cancelNewOnes != nil
        }
        if cancelNow { cancel() }
    }

    /// Why the handler was cancelled, if it was.
    func reason(_ lease: Lease) -> CancelReason? {
        state.withLock { $0.entries[Key(lease)]?.reason }
    }

    func remove(_ lease: Lease) {
        remove([lease])
    }

    /// One lock for a whole written batch.
    func remove(_ leases: [Lease]) {
        let keys = leases.map(Key.init)
        state.withLock { state in
            for key in keys { state.entries.removeValue(forKey: key) }
        }
    }

    /// Leases to heartbeat: not those whose handler was told to stop, so a handler that ignores
    /// cancellation loses its lease and the rescuer takes over.
    var leasesToExtend: [Lease] { state.withLock { $0.entries.values.filter { $0.reason == nil }.map(\.lease) } }

    var isEmpty: Bool { state.withLock { $0.entries.isEmpty } }

    func cancel(_ leases: some Sequence<Lease>, reason: CancelReason) {
        let keys = leases.map(Key.init)
        let cancels = state.withLock { state in
            keys.compactMap { key -> (@Sendable () -> Void)? in
                guard state.entries[key] != nil, state.entries[key]?.reason == nil else { return nil }
                state.entries[key]?.reason = reason
                return state.entries[key]?.cancel
            }
        }
        for cancel in cancels { cancel() }
    }

    /// Cancels every handler now, and every one that starts from now on.
    func cancelAll(reason: CancelReason) {
        let leases = state.withLock { state in
            state.cancelNewOnes = reason
            return state.entries.values.map(\.lease)
        }
        cancel(leases, reason: reason)
    }
}
