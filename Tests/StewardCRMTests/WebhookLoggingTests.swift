import Foundation
import Logging
import StewardCore
import StewardCRM
import StewardSQLite
import StewardTesting
import StewardWorkflows
import Synchronization
import Testing

/// Every log line of a delivered and a failed attempt, at trace level: none carries the secret
/// or the URL (whose query may hold a token).
@Suite("Webhook logging", .crmDatabase)
struct WebhookLoggingTests {
    @Test func secretsAndURLsNeverReachTheLogs() async throws {
        let store = try SQLiteDatabaseTrait.store().store
        let receiver = try await WebhookReceiver()
        let lines = CapturedLines()
        var logger = Logger(label: "capture") { _ in CapturingHandler(lines: lines) }
        logger.logLevel = .trace
        let ok = try loopbackEndpoint("ok", url: receiver.url("/ok?token=tok-123"))
        let failing = try loopbackEndpoint("failing", url: receiver.url("/status/500?token=tok-123"))
        var set = WorkflowSet()
        set.webhooks = ["ok": ok, "failing": failing]
        let deliverer = WebhookDeliverer(store: store, definitions: WorkflowDefinitions(set), clock: ManualClock(), userAgent: "Steward/test", logger: logger)
        _ = try await deliverer.run(context(deliveryJob(store, endpoint: "ok", now: Date())))
        _ = try await deliverer.run(context(deliveryJob(store, endpoint: "failing", now: Date())))
        let text = lines.all.joined(separator: "\n")
        #expect(text.contains("will retry"), "the failing attempt was logged: \(text)")
        #expect(!text.contains(testSecret) && !text.contains(String(testSecret.dropFirst(6))))
        #expect(!text.contains("tok-123"))
    }
}

final class CapturedLines: Sendable {
    private let lines = Mutex<[String]>([])
    func append(_ line: String) { lines.withLock { $0.append(line) } }
    var all: [String] { lines.withLock { $0 } }
}

struct CapturingHandler: LogHandler {
    let lines: CapturedLines
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        lines.append("\(event.level) \(event.message) \(metadata.merging(event.metadata ?? [:]) { $1 })")
    }
}
