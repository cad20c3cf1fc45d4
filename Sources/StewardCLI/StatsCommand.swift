import ArgumentParser
import StewardCore
import StewardSQLite

/// `steward stats`: how many jobs each queue has in each state.
struct StatsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stats", abstract: "Count jobs by queue and state.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let counts = try await database.open(mustExist: true).jobCountByState()
        let byQueue = Dictionary(grouping: counts, by: \.queue)
        let context = CommandContext.current
        if output.json {
            let object = byQueue.mapValues { Dictionary(uniqueKeysWithValues: $0.map { ($0.state.rawValue, $0.count) }) }
            return context.print(try JSONOutput.render(object))
        }
        let headers = ["QUEUE"] + JobState.allCases.map { $0.rawValue.uppercased() }
        let rows = byQueue.keys.sorted().map { queue in
            [queue] + JobState.allCases.map { state in String(byQueue[queue]?.first { $0.state == state }?.count ?? 0) }
        }
        context.print(Table(headers: headers, rows: rows).render())
    }
}
