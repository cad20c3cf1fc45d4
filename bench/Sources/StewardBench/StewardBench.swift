import Foundation
import Logging
import StewardCore
import StewardSQLite

/// `steward-bench queue --jobs N --db PATH`: the Steward side of `bench/queue`. Prints one JSON
/// line: enqueue and work times for N no-op jobs, and enqueue→start latency on an idle queue.
@main
enum StewardBench {
    static func main() async {
        do {
            try await run()
        } catch {
            FileHandle.standardError.write(Data("steward-bench: \(error)\n".utf8))
            exit(1)
        }
    }

    static func run() async throws {
        let options = try BenchOptions(CommandLine.arguments.dropFirst())
        let report: [String: Any] = switch options.command {
        case "queue": try await QueueBench(options: options).run()
        case "export": try await ExportBench(options: options).run()
        case "cadence": try await CadenceBench(options: options).run()
        case "winback": try await WinbackBench(options: options).run()
        case "webhooks": try await WebhookBench(options: options).run()
        default: throw BenchError("unknown benchmark '\(options.command)'; try: queue, export, cadence, winback, webhooks")
        }
        let data = try JSONSerialization.data(withJSONObject: report, options: [.sortedKeys])
        FileHandle.standardOutput.write(data + Data("\n".utf8))
    }
}

struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

struct BenchOptions {
    var command = ""
    var jobs = 200_000
    var database = "bench.sqlite"
    var concurrency = 200
    var batch = 1000
    var latencySamples = 1000
    var rows = 1_000_000
    var directory = "bench-export"
    var enrollments = 100_000
    var accounts = 100_000
    var transactions = 2_000_000
    var url = "http://127.0.0.1:8080"
    var endpoints = 10
    var hangPercent = 0
    var failPercent = 0
    var arrivalRate = 1000

    init(_ arguments: ArraySlice<String>) throws {
        var rest = arguments
        command = rest.popFirst() ?? ""
        while let flag = rest.popFirst() {
            guard let value = rest.popFirst() else { throw BenchError("\(flag) needs a value") }
            switch flag {
            case "--jobs": jobs = try Self.int(value, flag)
            case "--db": database = value
            case "--concurrency": concurrency = try Self.int(value, flag)
            case "--batch": batch = try Self.int(value, flag)
            case "--latency-samples": latencySamples = try Self.int(value, flag)
            case "--rows": rows = try Self.int(value, flag)
            case "--dir": directory = value
            case "--enrollments": enrollments = try Self.int(value, flag)
            case "--accounts": accounts = try Self.int(value, flag)
            case "--transactions": transactions = try Self.int(value, flag)
            case "--url": url = value
            case "--endpoints": endpoints = try Self.int(value, flag)
            case "--hang-percent": hangPercent = Int(value) ?? 0
            case "--fail-percent": failPercent = Int(value) ?? 0
            case "--arrival-rate": arrivalRate = try Self.int(value, flag)
            default: throw BenchError("unknown option \(flag)")
            }
        }
    }

    private static func int(_ text: String, _ flag: String) throws -> Int {
        guard let value = Int(text), value > 0 else { throw BenchError("\(flag) needs a positive number") }
        return value
    }
}
