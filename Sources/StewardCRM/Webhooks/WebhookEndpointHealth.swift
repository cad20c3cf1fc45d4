/// How an endpoint is doing, judged over its recent attempts in this process. A flaky endpoint
/// (some errors among fast answers) is healthy: its failures cost a worker milliseconds and its
/// retries keep their schedule. An endpoint is failing when it looks dead: its requests keep
/// going unanswered (timeouts, refused connections: each can hold a worker for seconds), or
/// nearly everything in the window failed.
struct WebhookEndpointHealth: Sendable {
    /// How an attempt that reached the endpoint went.
    enum Outcome: Sendable {
        case succeeded
        /// An HTTP answer that was not a success (500, 429 …): fast, and says the endpoint lives.
        case failedWithAnswer
        /// No answer: a timeout, or the connection failed.
        case unanswered
    }

    static let window = 20
    /// A window this full of failures, once it has this many attempts, is failing.
    static let failingRate = 0.9
    static let minimumSamples = 10
    /// Unanswered attempts in a row that make an endpoint failing at once.
    static let unansweredInARow = 3

    private var recent: [Bool] = []  // true: failed; the newest last
    private var unanswered = 0

    mutating func record(_ outcome: Outcome) {
        recent.append(outcome != .succeeded)
        if recent.count > Self.window { recent.removeFirst(recent.count - Self.window) }
        unanswered = outcome == .unanswered ? unanswered + 1 : 0
    }

    var failureRate: Double {
        recent.isEmpty ? 0 : Double(recent.filter { $0 }.count) / Double(recent.count)
    }

    var isFailing: Bool {
        unanswered >= Self.unansweredInARow || (recent.count >= Self.minimumSamples && failureRate >= Self.failingRate)
    }
}
