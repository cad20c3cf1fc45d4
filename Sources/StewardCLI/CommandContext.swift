public import Foundation
public import StewardCore
import Synchronization

/// Where a command writes and what it reads from its surroundings. Commands take it from the
/// task-local `current`, so tests run them in-process with a buffer and their own environment.
public struct CommandContext: Sendable {
    public var output: any TextOutput
    public var errorOutput: any TextOutput
    public var environment: [String: String]
    public var clock: any JobClock
    /// What `-` reads (`enqueue --from -`).
    public var input: FileHandle

    public init(output: any TextOutput, errorOutput: any TextOutput, environment: [String: String], clock: any JobClock = SystemClock(),
                input: FileHandle = .standardInput) {
        self.output = output
        self.errorOutput = errorOutput
        self.environment = environment
        self.clock = clock
        self.input = input
    }

    public static let standard = CommandContext(
        output: FileOutput.standardOutput, errorOutput: FileOutput.standardError,
        environment: ProcessInfo.processInfo.environment
    )

    @TaskLocal public static var current = CommandContext.standard

    func print(_ line: String = "") { output.write(line + "\n") }
}

extension CommandContext: CustomStringConvertible {
    /// Never the environment: it holds secrets (webhook signing keys), and a context printed in a
    /// log must not carry them.
    public var description: String { "CommandContext(environment: \(environment.count) variables)" }
}

public protocol TextOutput: Sendable {
    func write(_ text: String)
}

/// Writes to a file descriptor (stdout, stderr).
public struct FileOutput: TextOutput {
    let handle: FileHandle
    public static let standardOutput = FileOutput(handle: .standardOutput)
    public static let standardError = FileOutput(handle: .standardError)

    public func write(_ text: String) { handle.write(Data(text.utf8)) }
}

/// Collects output in memory (tests).
public final class BufferOutput: TextOutput {
    private let buffer = Mutex("")
    public init() {}
    public func write(_ text: String) { buffer.withLock { $0 += text } }
    public var text: String { buffer.withLock { $0 } }
}
