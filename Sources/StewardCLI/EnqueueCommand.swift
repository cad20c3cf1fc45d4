import StewardApp
import ArgumentParser
import Foundation
import StewardCore

/// `steward enqueue KIND --args JSON`: adds one job.
struct EnqueueCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "enqueue", abstract: "Add a job to the queue.")

    @Argument(help: "The job kind, e.g. noop, sleep, fail, probe.")
    var kind: String

    @Option(help: "Arguments as a JSON object.")
    var args = "{}"

    @Option(help: "Queue name.")
    var queue = "default"

    @Option(parsing: .unconditional, help: "Priority; lower runs first.", transform: NumberOptions.whole)
    var priority = 0

    @Option(name: .customLong("run-at"), parsing: .unconditional, help: "When to run: ISO 8601 time, or +DURATION from now (+10m).")
    var runAt: String?

    @Option(name: .customLong("unique-key"), help: "Refuse a duplicate while a job with this key waits, runs or completed.")
    var uniqueKey: String?

    @Option(name: .customLong("max-attempts"), parsing: .unconditional, help: "Attempts in all (default: the kind's policy).",
            transform: NumberOptions.positive)
    var maxAttempts: Int?

    @Option(help: "Enqueue one job per line of this file (`-`: standard input), each line the job's arguments as a JSON object.")
    var from: String?

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let context = CommandContext.current
        if let from { return try await enqueueLines(from, context: context) }
        let job = try newJob(now: context.clock.now())
        let store = try database.open()
        let client = JobClient(store: store, registry: JobKinds.registry(store: store), clock: context.clock)
        let result = try await client.enqueue(job)
        if output.json {
            var object = JobView(job: result.job).jsonObject
            object["inserted"] = result.inserted
            context.print(try JSONOutput.render(object))
        } else {
            let verb = result.inserted ? "enqueued" : "already queued (unique key \(uniqueKey ?? ""))"
            context.print("\(verb): job \(result.job.id) \(result.job.kind) on \(result.job.queue), \(result.job.state)")
        }
    }

    /// `--from`: every line is checked before the database is opened; then the jobs go in
    /// batches of 1,000, one transaction each.
    private func enqueueLines(_ source: String, context: CommandContext) async throws {
        guard uniqueKey == nil else {
            throw StewardError(.invalidArguments, "--unique-key cannot be used with --from: it would name every job the same",
                               fix: "enqueue keyed jobs one at a time")
        }
        var template = try newJob(now: context.clock.now())
        let lines = try JSONLines.read(source, input: context.input)
        var jobs: [NewJob] = []
        for (number, line) in lines {
            do {
                try Self.checkJSONObject(line, option: "the line")
                try JobKinds.check(kind, args: line)
            } catch let error as StewardError {
                throw StewardError(error.code, "\(source == "-" ? "stdin" : source):\(number): \(error.message)", fix: error.fix)
            }
            template.args = line
            jobs.append(template)
        }
        let store = try database.open()
        let client = JobClient(store: store, registry: JobKinds.registry(store: store), clock: context.clock)
        let results = try await client.enqueueInBatches(jobs)
        let ids = results.map(\.job.id)
        if output.json { return context.print(try JSONOutput.render(["enqueued": results.count, "first_id": ids.first as Any, "last_id": ids.last as Any])) }
        context.print("enqueued \(results.count) \(kind) jobs on \(queue)" + (ids.isEmpty ? "" : " (ids \(ids.min()!)–\(ids.max()!))"))
    }

    /// Checks every input before the database is touched.
    func newJob(now: Date) throws -> NewJob {
        try Self.checkJSONObject(args)
        try JobKinds.check(kind, args: args)
        if let maxAttempts, maxAttempts < 1 {
            throw StewardError(.invalidArguments, "--max-attempts must be ≥ 1 (got \(maxAttempts))")
        }
        let runAt = try runAt.map { try Timestamps.parse($0, field: "--run-at", now: now) }
        let job = NewJob(kind: kind, args: args, queue: queue, priority: priority, runAt: runAt, maxAttempts: maxAttempts, uniqueKey: uniqueKey)
        try job.checkQueue()
        return job
    }

    static func checkJSONObject(_ text: String, option: String = "--args") throws {
        let fix = option == "--args" ? #"pass a JSON object, e.g. --args '{"seconds": 2}'"# : #"pass a JSON object, e.g. \#(option) '{"id": 7}'"#
        let value: Any
        do {
            value = try JSONSerialization.jsonObject(with: Data(text.utf8))
        } catch {
            let reason = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "malformed"
            throw StewardError(.invalidArguments, "\(option) is not valid JSON: \(reason)", fix: fix)
        }
        guard value is [String: Any] else {
            throw StewardError(.invalidArguments, "\(option) must be a JSON object, not \(text)", fix: fix)
        }
    }
}
