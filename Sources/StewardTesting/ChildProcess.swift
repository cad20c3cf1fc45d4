public import Foundation
import StewardCore
import Synchronization

/// A real `steward` process for tests that need process boundaries: crashes (SIGKILL), signals
/// (SIGTERM) and several workers on one file. Its stderr is collected so a test can wait for a
/// log line instead of sleeping.
public final class ChildProcess: Sendable {
    private let process: Process
    private let stderr = TextBuffer()
    private let stdout = TextBuffer()
    private let output = Wakeup()
    private let exited = TestSignal<Int32>()
    /// Output streams not yet at end-of-file; the exit status can arrive before their last bytes.
    private let openStreams = Atomic<Int>(2)

    /// The `steward` executable beside the test bundle (`swift test` builds it too).
    public static var stewardPath: String {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("steward").path
    }

    /// Runs `steward ARGS` in `directory` (so it never picks up the repository's `Workflows/`).
    public init(_ arguments: [String], in directory: URL, environment: [String: String] = [:]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.stewardPath)
        process.currentDirectoryURL = directory
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let errorPipe = Pipe()
        let outputPipe = Pipe()
        process.standardError = errorPipe
        process.standardOutput = outputPipe
        self.process = process
        process.terminationHandler = { [exited, output] process in
            exited.fire(process.terminationStatus)
            output.signal()
        }
        try process.run()
        collect(errorPipe.fileHandleForReading, into: stderr)
        collect(outputPipe.fileHandleForReading, into: stdout)
    }

    private func collect(_ handle: FileHandle, into buffer: TextBuffer) {
        let wakeup = output
        Thread.detachNewThread { [self] in
            while case let data = handle.availableData, !data.isEmpty {
                buffer.append(String(decoding: data, as: UTF8.self))
                wakeup.signal()
            }
            self.openStreams.subtract(1, ordering: .sequentiallyConsistent)
            wakeup.signal()
        }
    }

    public var standardError: String { stderr.text }
    public var processIdentifier: Int32 { process.processIdentifier }

    /// The most memory the process has held so far (Linux's VmHWM), in bytes.
    public var peakResidentBytes: Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kilobytes = Int(line.split(separator: " ", omittingEmptySubsequences: true)[1]) else { return nil }
        return kilobytes * 1024
    }
    public var standardOutput: String { stdout.text }

    /// Waits until stderr contains `text`; false if the process exits first.
    public func waitForLog(containing text: String) async -> Bool {
        while !standardError.contains(text) {
            if !process.isRunning, !standardError.contains(text) { return false }
            await output.wait()
        }
        return true
    }

    /// Waits until stdout contains `text`; false if the process exits first.
    public func waitForOutput(containing text: String) async -> Bool {
        while !standardOutput.contains(text) {
            if !process.isRunning, !standardOutput.contains(text) { return false }
            await output.wait()
        }
        return true
    }

    public func send(_ signal: Int32) {
        kill(process.processIdentifier, signal)
    }

    /// Waits for the process to end and for everything it wrote to be collected; returns its
    /// exit status (or the signal number if killed).
    public func waitForExit() async -> Int32 {
        let status: Int32
        if let first = exited.values.first { status = first } else { status = await exited.next() ?? -1 }
        while openStreams.load(ordering: .sequentiallyConsistent) > 0 { await output.wait() }
        return status
    }
}

private final class TextBuffer: Sendable {
    private let storage = Mutex("")
    func append(_ text: String) { storage.withLock { $0 += text } }
    var text: String { storage.withLock { $0 } }
}
