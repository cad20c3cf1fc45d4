import Foundation
public import GRDB
public import StewardCore

/// The job store on one SQLite file, through GRDB.
///
/// Settings, and why:
/// - WAL: readers never block the writer and the writer never blocks readers.
/// - `synchronous=NORMAL`: in WAL mode a commit survives a crash of the process; only a power
///   loss or OS crash can lose the last few commits. Jobs are at-least-once anyway (a lost
///   completion reruns the job), and FULL would cost an fsync per commit.
/// - One writer connection (GRDB's `DatabasePool`), `BEGIN IMMEDIATE` for every write, so two
///   processes serialize on the lock instead of failing a deferred upgrade; a busy timeout lets
///   them wait for each other.
public final class SQLiteJobStore: JobStore {
    public let database: DatabasePool
    public let path: String
    public let notifications = JobNotifications()
    let wakeups: CommitWakeups

    init(database: DatabasePool, path: String) {
        self.database = database
        self.path = path
        wakeups = CommitWakeups(notifications: notifications)
    }

    /// Opens (creating if needed) and migrates the database at `path`. Fails with a
    /// `StewardError` naming the file when it is not SQLite, from a newer Steward, or cannot be
    /// created; in each case nothing is written.
    ///
    /// Steward creates its schema only in a new or empty file, or migrates a database that is
    /// already Steward's; anything else is refused, judged through a read-only connection so a
    /// refused file is not written at all (not even switched to WAL). With `mustExist` (the
    /// commands that only read or change rows) nothing is migrated: a database that needs it is
    /// refused with the command that applies it.
    public static func open(path: String, options: SQLiteStoreOptions = .init()) throws -> SQLiteJobStore {
        let migrations = Migrations.all(adding: options.schema)
        let inspection = try inspect(path: path, mustExist: options.mustExist, migrations: migrations)
        if options.mustExist { try SQLiteSchemaInspection.requireCurrent(inspection, path: path, known: migrations.map(\.identifier)) }
        let pool = try SQLiteFileCheck.mapOpenErrors(path: path) { try DatabasePool(path: path, configuration: configuration(options)) }
        if !options.mustExist {
            _ = try SQLiteFileCheck.mapOpenErrors(path: path) { try Migrations.apply(migrations, writer: pool) }
        }
        return SQLiteJobStore(database: pool, path: path)
    }

    /// Applies the migrations a database lacks (`steward migrate`); returns their identifiers.
    public static func migrate(path: String, schema: [SQLiteSchemaMigration]) throws -> [String] {
        let migrations = Migrations.all(adding: schema)
        _ = try inspect(path: path, mustExist: true, migrations: migrations)
        let pool = try SQLiteFileCheck.mapOpenErrors(path: path) { try DatabasePool(path: path, configuration: configuration(.init())) }
        return try SQLiteFileCheck.mapOpenErrors(path: path) { try Migrations.apply(migrations, writer: pool) }
    }

    /// The file checks and the read-only look at its schema that come before anything writes:
    /// refuses what is not SQLite, not Steward's, or a newer Steward's.
    private static func inspect(path: String, mustExist: Bool, migrations: [SQLiteSchemaMigration]) throws -> SQLiteSchemaInspection? {
        try SQLiteFileCheck.check(path: path, mustExist: mustExist)
        let inspection = try SQLiteFileCheck.mapOpenErrors(path: path) { try SQLiteSchemaInspection.read(path: path) }
        try inspection?.check(path: path, known: migrations.map(\.identifier))
        return inspection
    }

    static func configuration(_ options: SQLiteStoreOptions) -> Configuration {
        var config = Configuration()
        config.busyMode = .timeout(options.busyTimeout.timeInterval)
        config.maximumReaderCount = options.maximumReaderCount
        config.label = "steward"
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        return config
    }

}

public struct SQLiteStoreOptions: Sendable {
    public var busyTimeout: Duration
    public var maximumReaderCount: Int
    /// Refuse to create a missing file (read-only commands).
    public var mustExist: Bool
    /// Tables of modules built on the store, migrated after the engine's own.
    public var schema: [SQLiteSchemaMigration]

    public init(busyTimeout: Duration = .seconds(10), maximumReaderCount: Int = 4, mustExist: Bool = false, schema: [SQLiteSchemaMigration] = []) {
        self.busyTimeout = busyTimeout
        self.maximumReaderCount = maximumReaderCount
        self.mustExist = mustExist
        self.schema = schema
    }
}

/// A migration from a module built on the store. Identifiers are append-only, like the engine's.
public struct SQLiteSchemaMigration: Sendable {
    public var identifier: String
    public var migrate: @Sendable (Database) throws -> Void

    public init(_ identifier: String, migrate: @escaping @Sendable (Database) throws -> Void) {
        self.identifier = identifier
        self.migrate = migrate
    }
}
