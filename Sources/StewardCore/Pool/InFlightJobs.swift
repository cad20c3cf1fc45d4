import Synchronization

/// Why a running job's handler was cancelled; decides what its outcome becomes.
enum CancelReason: Sendable, Equatable {
    /// Shutdown grace ran out: release the job without spending the attempt.
    case shutdown
    /// The lease was lost (rescued elsewhere or cancelled by an operator): write nothing.
    case leaseLost
    /// The kind's timeout passed: a failed attempt.
    case timeout
}

/// The jobs this process is running, with their leases and a way to cancel each.
final class InFlightJobs: Sendable {
    private struct Entry {
        var lease: Lease
        var cancel: @Sendable () -> Void
        var reason: CancelReason?
    }

    private let entries = Mutex<[JobID: Entry]>([:])

    func add(_ lease: Lease, cancel: @escaping @Sendable () -> Void) {
        entries.withLock { $0[lease.jobID] = Entry(lease: lease, cancel: cancel) }
    }

    /// Forgets the job; returns why it was cancelled, if it was.
    func remove(_ id: JobID) -> CancelReason? {
        entries.withLock { $0.removeValue(forKey: id)?.reason }
    }

    var leases: [Lease] { entries.withLock { $0.values.map(\.lease) } }

    var isEmpty: Bool { entries.withLock { $0.isEmpty } }

    func cancel(_ ids: some Sequence<JobID>, reason: CancelReason) {
        let cancels = entries.withLock { entries in
            ids.compactMap { id -> (@Sendable () -> Void)? in
                guard entries[id] != nil, entries[id]?.reason == nil else { return nil }
                entries[id]?.reason = reason
                return entries[id]?.cancel
            }
        }
        for cancel in cancels { cancel() }
    }

    func cancelAll(reason: CancelReason) {
        cancel(entries.withLock { Array($0.keys) }, reason: reason)
    }
}
