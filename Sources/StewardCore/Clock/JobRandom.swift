/// The pool's source of randomness (backoff jitter), injected like the clock so a test can fix
/// what a retry's delay will be.
public protocol JobRandom: Sendable {
    func next() -> UInt64
}

/// The system's generator.
public struct SystemJobRandom: JobRandom {
    public init() {}

    public func next() -> UInt64 {
        var generator = SystemRandomNumberGenerator()
        return generator.next()
    }
}

/// A `JobRandom` where Swift's random APIs want a generator.
struct JobRandomGenerator: RandomNumberGenerator {
    let source: any JobRandom

    mutating func next() -> UInt64 { source.next() }
}
