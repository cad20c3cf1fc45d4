import ArgumentParser
import StewardApp

/// `steward migrate`: brings an existing Steward database's schema up to this build, all
/// migrations in one transaction. Commands that only read or change rows never migrate.
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "migrate", abstract: "Apply the schema migrations an existing database lacks.")

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let applied = try StewardStore.migrate(database.path)
        let context = CommandContext.current
        if applied.isEmpty { return context.print("\(database.path): up to date") }
        context.print("\(database.path): applied \(applied.count) migration\(applied.count == 1 ? "" : "s"): \(applied.joined(separator: ", "))")
    }
}
