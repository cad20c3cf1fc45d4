import Foundation
import StewardCLI
import StewardCore
import StewardTesting

/// Runs `steward ARGS…` in-process with captured output and its own environment.
struct CLIResult {
    var code: Int32
    var output: String
    var error: String
}

func steward(_ arguments: String..., environment: [String: String] = [:], clock: any JobClock = SystemClock()) async -> CLIResult {
    await steward(arguments: arguments, environment: environment, clock: clock)
}

func steward(arguments: [String], environment: [String: String] = [:], clock: any JobClock = SystemClock(), input: String = "") async -> CLIResult {
    let output = BufferOutput()
    let error = BufferOutput()
    let pipe = Pipe()
    pipe.fileHandleForWriting.write(Data(input.utf8))
    try? pipe.fileHandleForWriting.close()
    let context = CommandContext(output: output, errorOutput: error, environment: environment, clock: clock, input: pipe.fileHandleForReading)
    let code = await CommandContext.$current.withValue(context) { await StewardMain.run(arguments) }
    return CLIResult(code: code, output: output.text, error: error.text)
}

func jsonObject(_ text: String) throws -> [String: Any] {
    try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] ?? [:]
}

func jsonArray(_ text: String) throws -> [[String: Any]] {
    try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]] ?? []
}
