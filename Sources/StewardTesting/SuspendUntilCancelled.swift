import StewardCore

/// A handler body for "long work": suspends until the task is cancelled, then throws
/// `CancellationError`. Tests use it where a job must still be running when something happens.
public func suspendUntilCancelled() async throws {
    await Wakeup().wait()
    try Task.checkCancellation()
}
