import ArgumentParser
import StewardApp
import StewardCore
import StewardSQLite

/// `--database PATH`, else `$STEWARD_DATABASE`, else `./steward.sqlite`.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .customLong("database"), help: "SQLite file or sqlite:PATH URL (default: $STEWARD_DATABASE or ./steward.sqlite).")
    var database: String?

    static let environmentKey = "STEWARD_DATABASE"

    var path: String {
        database ?? CommandContext.current.environment[Self.environmentKey] ?? "./steward.sqlite"
    }

    /// Opens the store; read-only commands pass `mustExist` so a typo never creates a file.
    func open(mustExist: Bool = false) throws -> SQLiteJobStore {
        try StewardStore.open(path, mustExist: mustExist)
    }
}

/// `--json` for scripts; tables otherwise.
struct OutputOptions: ParsableArguments {
    @Flag(name: .long, help: "Print JSON instead of a table.")
    var json = false
}
