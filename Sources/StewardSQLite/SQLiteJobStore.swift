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

    init(database: DatabasePool, path: String) {
        self.database = database
        self.path = path
    }

    /// Opens (creating if needed) and migrates the database at `path`. Fails with a
    /// `StewardError` naming the file when it is not SQLite, from a newer Steward, or cannot be
    /// created; in each case nothing is written.
    public static func open(path: String, options: SQLiteStoreOptions = .init()) throws -> SQLiteJobStore {
        try SQLiteFileCheck.check(path: path, mustExist: options.mustExist)
        let pool = try SQLiteFileCheck.mapOpenErrors(path: path) {
            try DatabasePool(path: path, configuration: configuration(options))
        }
        try SQLiteFileCheck.mapOpenErrors(path: path) { try migrate(pool, path: path) }
        return SQLiteJobStore(database: pool, path: path)
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

    private static func migrate(_ pool: DatabasePool, path: String) throws {
        let migrator = Migrations.migrator
        let superseded = try pool.read { try migrator.hasBeenSuperseded($0) }
        if superseded {
            throw StewardError(
                .databaseTooNew, "\(path) was written by a newer version of Steward (unknown schema migrations)",
                fix: "upgrade steward, or point --database at another file"
            )
        }
        try migrator.migrate(pool)
    }
}

public struct SQLiteStoreOptions: Sendable {
    public var busyTimeout: Duration
    public var maximumReaderCount: Int
    /// Refuse to create a missing file (read-only commands).
    public var mustExist: Bool

    public init(busyTimeout: Duration = .seconds(10), maximumReaderCount: Int = 4, mustExist: Bool = false) {
        self.busyTimeout = busyTimeout
        self.maximumReaderCount = maximumReaderCount
        self.mustExist = mustExist
    }
}
