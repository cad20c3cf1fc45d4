import Synchronization

/// Lets a test wait for something the code under test does (a handler started, saw
/// cancellation, …) instead of sleeping. Values are kept until taken, in order.
public final class TestSignal<Value: Sendable>: Sendable {
    private let stream: AsyncStream<Value>
    private let continuation: AsyncStream<Value>.Continuation
    private let fired = Mutex<[Value]>([])

    public init() {
        (stream, continuation) = AsyncStream.makeStream(of: Value.self)
    }

    public func fire(_ value: Value) {
        fired.withLock { $0.append(value) }
        continuation.yield(value)
    }

    /// The next value fired (waits for it); nil only if the waiting task is cancelled.
    public func next() async -> Value? {
        var iterator = stream.makeAsyncIterator()
        return await iterator.next()
    }

    /// Everything fired so far.
    public var values: [Value] { fired.withLock { $0 } }
}

extension TestSignal where Value == Void {
    public func fire() { fire(()) }
}
