import StewardCore
public import StewardSQLite
import StewardCRM

/// Opening the store a database URL names, with the engine's and the CRM's schema: the one
/// place a front end gets its store from, and where a `postgres://` URL will choose another.
public enum StewardStore {
    /// Every module's tables after the engine's: the CRM's, then the API's.
    public static let schema = CRMSchema.migrations + AccessSchema.migrations

    /// A plain path, `sqlite:PATH` or `sqlite://PATH`. `mustExist`: the commands that only read
    /// or change rows, which never create a file or migrate one.
    public static func open(_ url: String, mustExist: Bool = false) throws -> SQLiteJobStore {
        try SQLiteJobStore.open(path: try sqlitePath(url), options: SQLiteStoreOptions(mustExist: mustExist, schema: schema))
    }

    /// Applies the migrations an existing database lacks; returns their identifiers.
    public static func migrate(_ url: String) throws -> [String] {
        try SQLiteJobStore.migrate(path: try sqlitePath(url), schema: schema)
    }

    static func sqlitePath(_ url: String) throws -> String {
        for scheme in ["sqlite://", "sqlite:"] where url.hasPrefix(scheme) { return String(url.dropFirst(scheme.count)) }
        if let scheme = url.split(separator: ":", maxSplits: 1).first, url.contains("://") {
            throw StewardError(.invalidArguments, "database URL scheme '\(scheme)' is not supported",
                               fix: "give a SQLite file path, or sqlite:PATH")
        }
        return url
    }
}
