public import Foundation
import StewardCore
import Synchronization

/// `scripts/webhook-receiver/receiver.py` as a child process on 127.0.0.1: a real HTTP server
/// whose answers each test scripts through the path, and which reports every request it got.
public final class WebhookReceiver: Sendable {
    /// One request as the receiver saw it.
    public struct Request: Sendable, Decodable {
        public var path: String
        public var n: Int
        public var id: String?
        public var timestamp: String?
        public var signature: String?
        public var userAgent: String?
        public var body: String
        /// With a secret: true when `standardwebhooks` verified the request.
        public var verified: Bool?
        public var verificationError: String?

        enum CodingKeys: String, CodingKey { case path, n, id, timestamp, signature, userAgent = "user_agent", body, verified }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            path = try c.decode(String.self, forKey: .path)
            n = try c.decode(Int.self, forKey: .n)
            id = try c.decodeIfPresent(String.self, forKey: .id)
            timestamp = try c.decodeIfPresent(String.self, forKey: .timestamp)
            signature = try c.decodeIfPresent(String.self, forKey: .signature)
            userAgent = try c.decodeIfPresent(String.self, forKey: .userAgent)
            body = try c.decode(String.self, forKey: .body)
            verified = try? c.decodeIfPresent(Bool.self, forKey: .verified)
            verificationError = try? c.decodeIfPresent(String.self, forKey: .verified)
        }
    }

    private let process: Process
    /// Kept open while this object lives; the receiver exits when it closes (even if the test
    /// process dies).
    private let lifeline: Pipe
    private let log = ReceivedLines()
    public let port: Int

    /// The repository root, found from this file's place in it.
    public static func repositoryRoot(_ file: String = #filePath) -> URL {
        URL(fileURLWithPath: file).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// The Python with `standardwebhooks`, in `.venv-test`: `scripts/test-venv` creates it on
    /// first use (`.ci/run` does too), so `swift test` needs no step before it.
    public static func verifyingPython() throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [repositoryRoot().appendingPathComponent("scripts/test-venv").path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let path = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw StewardError(.invalidArguments, "scripts/test-venv failed (exit \(process.terminationStatus))", fix: "run it by hand to see why")
        }
        return path.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    public init(secret: String? = nil, python: String = "/usr/bin/python3") async throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        let script = Self.repositoryRoot().appendingPathComponent("scripts/webhook-receiver/receiver.py").path
        process.arguments = [script, "--exit-with-stdin"] + (secret.map { ["--secret", $0] } ?? [])
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        lifeline = Pipe()
        process.standardInput = lifeline
        self.process = process
        try process.run()
        port = try Self.readPort(pipe.fileHandleForReading)
        collect(pipe.fileHandleForReading)
    }

    deinit { stop() }

    public func stop() {
        try? lifeline.fileHandleForWriting.close()
        // Foundation starts children with SIGTERM blocked; SIGKILL always ends them.
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    public func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

    private static func readPort(_ handle: FileHandle) throws -> Int {
        var text = ""
        while !text.contains("\n") {
            let data = handle.availableData
            guard !data.isEmpty else { break }
            text += String(decoding: data, as: UTF8.self)
        }
        guard let port = Int(text.split(separator: "\n").first?.split(separator: " ").last ?? "") else {
            throw StewardError(.invalidConfiguration, "the webhook receiver did not start: \(text)")
        }
        return port
    }

    private func collect(_ handle: FileHandle) {
        let log = self.log
        Thread.detachNewThread {
            var partial = ""
            while case let data = handle.availableData, !data.isEmpty {
                partial += String(decoding: data, as: UTF8.self)
                while let newline = partial.firstIndex(of: "\n") {
                    let line = String(partial[..<newline])
                    partial = String(partial[partial.index(after: newline)...])
                    log.append(line)
                }
            }
        }
    }

    public var requests: [Request] {
        log.lines.compactMap { try? JSONDecoder().decode(Request.self, from: Data($0.utf8)) }
    }

    /// Waits until at least `count` requests have arrived (at `path`, when given). Throws after
    /// `limit` of real time: a guard that fails a test whose request never comes, instead of
    /// hanging the suite (not a wait for behaviour, which ends on the arrival).
    @discardableResult
    public func waitForRequests(_ count: Int, path: String? = nil, limit: Duration = .seconds(60)) async throws -> [Request] {
        let arrived = await withTaskGroup(of: [Request]?.self) { group in
            group.addTask { await self.arrival(count, path: path) }
            group.addTask { try? await Task.sleep(for: limit); return nil }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
        guard let arrived, arrived.count >= count else {
            throw StewardError(.invalidArguments, "the webhook receiver got \(matching(path).count) of \(count) requests within \(limit)")
        }
        return arrived
    }

    private func arrival(_ count: Int, path: String?) async -> [Request] {
        while !Task.isCancelled {
            let found = matching(path)
            if found.count >= count { return found }
            await log.arrived.wait()
        }
        return matching(path)
    }

    private func matching(_ path: String?) -> [Request] {
        requests.filter { path == nil || $0.path == path }
    }
}

private final class ReceivedLines: Sendable {
    private let storage = Mutex<[String]>([])
    let arrived = Wakeup()

    func append(_ line: String) {
        storage.withLock { $0.append(line) }
        arrived.signal()
    }

    var lines: [String] { storage.withLock { $0 } }
}
