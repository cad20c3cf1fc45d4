import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Logging
import ServiceLifecycle
import StewardApp
import StewardCore
import StewardHTTP
import StewardSQLite
import StewardTesting
import StewardWorkflows
import Testing

extension Trait where Self == SQLiteDatabaseTrait {
    /// A fresh store with every module's tables.
    static var stewardDatabase: Self { Self(schema: StewardStore.schema) }
}

/// A real server on 127.0.0.1 (a free port) over the test's store, and a real HTTP client
/// (URLSession, libcurl underneath). Stopped gracefully when `body` returns.
struct LiveServer {
    let port: Int
    let store: SQLiteJobStore
    let clock: ManualClock
    let workflows: WorkflowSet
    /// Where this server's exports go: beside the test's database.
    var exportsDirectory: URL { URL(fileURLWithPath: store.path).deletingLastPathComponent().appendingPathComponent("exports") }

    static func with<T: Sendable>(workflows: WorkflowSet = WorkflowSet(), clock: ManualClock = ManualClock(), maxUploadBytes: Int = 512 << 20,
                                  _ body: @Sendable (LiveServer) async throws -> T) async throws -> T {
        let store = try SQLiteDatabaseTrait.store().store
        var logger = Logger(label: "test")
        logger.logLevel = .warning
        let exports = URL(fileURLWithPath: store.path).deletingLastPathComponent().appendingPathComponent("exports")
        let services = APIServices(store: store, clock: clock, workflows: workflows, metricsText: { "steward_test_metric 1\n" },
                                   maxUploadBytes: maxUploadBytes, exportsDirectory: exports)
        let (ports, portSink) = AsyncStream.makeStream(of: Int.self)
        let application = APIServer.application(services, host: "127.0.0.1", port: 0, logger: logger) { portSink.yield($0) }
        let group = ServiceGroup(services: [application], gracefulShutdownSignals: [], logger: logger)
        return try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next() else { throw StewardError(.invalidConfiguration, "the server did not start") }
            do {
                let result = try await body(LiveServer(port: port, store: store, clock: clock, workflows: workflows))
                await group.triggerGracefulShutdown()
                try await tasks.waitForAll()
                return result
            } catch {
                await group.triggerGracefulShutdown()
                try? await tasks.waitForAll()
                throw error
            }
        }
    }

    struct Reply: Sendable {
        var status: Int
        var headers: [String: String]
        var body: Data

        var json: [String: Any] { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:] }
        var array: [[String: Any]] { (try? JSONSerialization.jsonObject(with: body)) as? [[String: Any]] ?? [] }
        var text: String { String(decoding: body, as: UTF8.self) }
        func header(_ name: String) -> String? {
            headers.first { $0.key.lowercased() == name.lowercased() }?.value
        }
    }

    func send(_ method: String, _ path: String, token: String? = nil, json: String? = nil, body: Data? = nil,
              headers: [String: String] = [:]) async throws -> Reply {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
        request.httpMethod = method
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        if let json {
            request.httpBody = Data(json.utf8)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        if let body { request.httpBody = body }
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let (data, response) = try await LiveServer.session.data(for: request)
        let http = try #require(response as? HTTPURLResponse)
        let fields = Dictionary(http.allHeaderFields.map { ("\($0.key)", "\($0.value)") }, uniquingKeysWith: { a, _ in a })
        return Reply(status: http.statusCode, headers: fields, body: data)
    }

    func get(_ path: String, token: String? = nil) async throws -> Reply { try await send("GET", path, token: token) }

    /// A client that keeps no cookies and follows no redirects: each test sends its own cookie
    /// and sees every 303 itself.
    static let session: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpShouldSetCookies = false
        configuration.httpCookieAcceptPolicy = .never
        return URLSession(configuration: configuration, delegate: NoRedirects(), delegateQueue: nil)
    }()

    /// Signs in through the form; returns the session cookie and the page's form token.
    func signIn(_ token: String) async throws -> (cookie: String, csrf: String) {
        let login = try await send("POST", "/ui/login", body: Data("token=\(token)&next=/ui".utf8), headers: ["Content-Type": "application/x-www-form-urlencoded"])
        let setCookie = try #require(login.header("Set-Cookie"))
        let cookie = try #require(setCookie.split(separator: ";").first.map(String.init))
        let page = try await send("GET", "/ui", headers: ["Cookie": cookie])
        let csrf = try #require(page.text.firstMatch(of: /name="csrf" value="([^"]+)"/).map { String($0.1) })
        return (cookie, csrf)
    }

    /// A token of `role`, created through the service (as `steward tokens create` does).
    func token(_ name: String, _ role: APIRole) async throws -> String {
        try await TokenService(store: store, clock: clock).create(name: name, role: role, by: "test").secret
    }
}

final class NoRedirects: NSObject, URLSessionTaskDelegate, Sendable {
    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void) {
        completionHandler(nil)
    }
}
