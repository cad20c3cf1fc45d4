import GRDB
import StewardCore

/// The schema, as an append-only list of migrations: never edit a shipped one, add the next.
enum Migrations {
    /// The engine's first migration: a database that has it is Steward's.
    static let first = "core/v1-jobs"

    /// The engine's migrations, then those of the modules built on it (the CRM schema).
    static func all(adding schema: [SQLiteSchemaMigration] = []) -> [SQLiteSchemaMigration] {
        [
            SQLiteSchemaMigration(first, migrate: createJobs),
            SQLiteSchemaMigration("core/v2-probe-runs", migrate: createProbeRuns),
            SQLiteSchemaMigration("core/v3-schedule-ticks", migrate: createScheduleTicks),
            SQLiteSchemaMigration("core/v4-events", migrate: createEvents),
            SQLiteSchemaMigration("core/v5-lease-losses", migrate: addLeaseLosses),
            SQLiteSchemaMigration("core/v6-queue-pauses", migrate: createQueuePauses),
            SQLiteSchemaMigration("core/v7-active-jobs", migrate: createActiveIndex),
            SQLiteSchemaMigration("core/v8-job-minutes", migrate: createJobMinutes),
            SQLiteSchemaMigration("core/v9-worker-processes", migrate: createWorkerProcesses),
        ] + schema
    }

    /// Applies every migration the database lacks, in order, all in one transaction: a failure
    /// leaves the file as it was, never half migrated. As GRDB's migrator does, foreign keys
    /// are off while tables are rebuilt and checked before the commit; the record of applied
    /// migrations keeps GRDB's table, so databases written before stay readable.
    static func apply(_ migrations: [SQLiteSchemaMigration], writer: some DatabaseWriter) throws -> [String] {
        try writer.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            defer { try? db.execute(sql: "PRAGMA foreign_keys = ON") }
            var applied: [String] = []
            try db.inTransaction(.immediate) {
                applied = try applyPending(migrations, db: db)
                if try Row.fetchOne(db, sql: "PRAGMA foreign_key_check") != nil {
                    throw StewardError(.databaseUnreadable, "a schema migration left rows whose foreign keys point nowhere; nothing was changed")
                }
                return .commit
            }
            return applied
        }
    }

    private static func applyPending(_ migrations: [SQLiteSchemaMigration], db: Database) throws -> [String] {
        try db.execute(sql: "CREATE TABLE IF NOT EXISTS grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
        let applied = Set(try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations"))
        let pending = migrations.filter { !applied.contains($0.identifier) }
        for migration in pending {
            try migration.migrate(db)
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES (?)", arguments: [migration.identifier])
        }
        return pending.map(\.identifier)
    }

    /// Identifiers are `namespace/version-name`. A database is from a newer Steward when it has
    /// a migration this build does not know in a namespace it does know: a program that opens
    /// the store without the CRM schema must not mistake the CRM's migrations for a newer engine.
    static func isSuperseded(applied: Set<String>, known: [String]) -> Bool {
        let namespaces = Set(known.map(namespace))
        return applied.contains { !known.contains($0) && namespaces.contains(namespace($0)) }
    }

    static func namespace(_ identifier: String) -> String {
        identifier.split(separator: "/", maxSplits: 1).first.map(String.init) ?? identifier
    }

    /// Times are REAL Unix seconds: compact, sortable, and readable with `datetime(x, 'unixepoch')`.
    private static func createJobs(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE jobs (
                id               INTEGER PRIMARY KEY,
                kind             TEXT    NOT NULL,
                queue            TEXT    NOT NULL,
                args             TEXT    NOT NULL CHECK (json_valid(args)),
                priority         INTEGER NOT NULL,
                state            TEXT    NOT NULL CHECK (state IN
                    ('scheduled','available','running','retryable','completed','discarded','cancelled')),
                attempt          INTEGER NOT NULL DEFAULT 0,
                max_attempts     INTEGER NOT NULL CHECK (max_attempts > 0),
                run_at           REAL    NOT NULL,
                created_at       REAL    NOT NULL,
                attempted_at     REAL,
                finalized_at     REAL,
                lease_owner      TEXT,
                lease_token      INTEGER,
                lease_expires_at REAL,
                unique_key       TEXT,
                unique_states    INTEGER,
                errors           TEXT    NOT NULL DEFAULT '[]'
            );
            -- The claim: equality on queue and state, then the claim order, so LIMIT reads k rows.
            CREATE INDEX jobs_claim ON jobs (queue, state, priority, run_at, id);
            -- Promotion of due scheduled/retryable jobs and the next wake-up time.
            CREATE INDEX jobs_waiting ON jobs (queue, run_at) WHERE state IN ('scheduled','retryable');
            -- The rescuer's scan for expired leases.
            CREATE INDEX jobs_leases ON jobs (lease_expires_at) WHERE state = 'running';
            -- The pruner.
            CREATE INDEX jobs_finalized ON jobs (state, finalized_at) WHERE finalized_at IS NOT NULL;
            -- Unique jobs: a key is taken only while the job is in one of its chosen states.
            CREATE UNIQUE INDEX jobs_unique ON jobs (kind, unique_key)
                WHERE unique_key IS NOT NULL AND (unique_states & \(JobStateSQL.bitExpression)) != 0;
            """)
    }

    private static func createProbeRuns(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE probe_runs (
                job_id  INTEGER NOT NULL,
                attempt INTEGER NOT NULL,
                owner   TEXT,
                ran_at  REAL
            )
            """)
    }

    /// The newest tick each schedule has handled, and the job it enqueued last (for overlap).
    private static func createScheduleTicks(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE schedule_ticks (
                name        TEXT PRIMARY KEY,
                last_tick   REAL NOT NULL,
                last_job_id INTEGER,
                updated_at  REAL NOT NULL
            )
            """)
    }

    /// Leases lost in a row without the handler returning, counted apart from `attempt`.
    private static func addLeaseLosses(_ db: Database) throws {
        try db.execute(sql: "ALTER TABLE jobs ADD COLUMN lease_losses INTEGER NOT NULL DEFAULT 0")
    }

    /// Paused queues: a row holds its queue until deleted or until `resume_at`.
    /// Queue depth for people (the dashboard, `/queues`, `/ready`) counts only jobs waiting or
    /// running: a partial index holds just those, so the count never reads the millions of
    /// finished rows. A job enters it once and leaves it when it finishes.
    private static func createActiveIndex(_ db: Database) throws {
        try db.execute(sql: "CREATE INDEX jobs_active ON jobs (state, queue) WHERE state IN ('scheduled','available','running','retryable')")
    }

    /// The per-minute rollup of outcomes and run times (see `JobMinuteTally`); keyed minute
    /// first so the last hour is one range read and pruning one range delete.
    private static func createJobMinutes(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE job_minutes (
                minute    REAL    NOT NULL,
                queue     TEXT    NOT NULL,
                kind      TEXT    NOT NULL,
                completed INTEGER NOT NULL DEFAULT 0,
                failed    INTEGER NOT NULL DEFAULT 0,
                retried   INTEGER NOT NULL DEFAULT 0,
                run_times TEXT    NOT NULL DEFAULT '',
                PRIMARY KEY (minute, queue, kind)
            ) WITHOUT ROWID
            """)
    }

    /// Pools announce themselves here every heartbeat (see `WorkerProcessStore`).
    private static func createWorkerProcesses(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE worker_processes (
                owner      TEXT    PRIMARY KEY,
                host       TEXT    NOT NULL,
                pid        INTEGER NOT NULL,
                queues     TEXT    NOT NULL CHECK (json_valid(queues)),
                started_at REAL    NOT NULL,
                seen_at    REAL    NOT NULL
            )
            """)
    }

    private static func createQueuePauses(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE queue_pauses (
                queue     TEXT PRIMARY KEY,
                reason    TEXT,
                paused_at REAL NOT NULL,
                resume_at REAL,
                paused_by TEXT
            )
            """)
    }

    /// Domain events, dispatched in id order; the partial index keeps finding undispatched ones
    /// cheap however long the history grows.
    private static func createEvents(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE events (
                id            INTEGER PRIMARY KEY,
                name          TEXT NOT NULL,
                payload       TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(payload)),
                created_at    REAL NOT NULL,
                dispatched_at REAL
            );
            CREATE INDEX events_undispatched ON events (id) WHERE dispatched_at IS NULL;
            """)
    }
}
