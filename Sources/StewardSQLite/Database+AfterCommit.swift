import GRDB

extension Database {
    /// Runs `action` once what was just written is committed: after the current transaction,
    /// or at once when there is none (each statement has then committed by itself).
    func afterCommit(_ action: @escaping @Sendable () -> Void) {
        if isInsideTransaction { afterNextTransaction(onCommit: { _ in action() }) } else { action() }
    }
}
