import GRDB
import StewardSQLite

/// The tables cadences, winback and the CRM change API add, appended to `CRMSchema.migrations`.
/// `crm/v1-entities` is frozen, so new columns on its tables arrive here through ALTER TABLE.
enum CadenceSchema {
    static let migrations: [SQLiteSchemaMigration] = [
        SQLiteSchemaMigration("cadences/v1-cadences", migrate: createCadences),
        SQLiteSchemaMigration("cadences/v1-crm-columns", migrate: addCRMColumns),
        SQLiteSchemaMigration("cadences/v1-account-status", migrate: createAccountStatus),
        SQLiteSchemaMigration("cadences/v2-winback-scans", migrate: createWinbackScans),
    ]

    /// Templates are versioned: a file edit adds a version, and an enrollment keeps the version it
    /// started on, so editing a file never rewrites or renumbers what was already planned.
    static func createCadences(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE cadences (
                cadence_id      INTEGER PRIMARY KEY,
                name            TEXT NOT NULL UNIQUE,
                current_version INTEGER NOT NULL,
                created_at      TEXT NOT NULL,
                updated_at      TEXT NOT NULL
            );
            CREATE TABLE cadence_versions (
                cadence_id  INTEGER NOT NULL REFERENCES cadences (cadence_id),
                version     INTEGER NOT NULL,
                days        TEXT NOT NULL CHECK (days IN ('calendar', 'business')),
                generate    TEXT NOT NULL CHECK (generate IN ('upfront', 'stepwise')),
                late_steps  TEXT NOT NULL CHECK (late_steps IN ('shift', 'keep')),
                fingerprint TEXT NOT NULL,
                created_at  TEXT NOT NULL,
                PRIMARY KEY (cadence_id, version)
            );
            CREATE TABLE cadence_steps (
                cadence_id  INTEGER NOT NULL,
                version     INTEGER NOT NULL,
                step_number INTEGER NOT NULL CHECK (step_number >= 1),
                day_offset  INTEGER NOT NULL CHECK (day_offset >= 0),
                type        TEXT NOT NULL CHECK (type IN ('call', 'email', 'task', 'meeting')),
                subject     TEXT NOT NULL,
                description TEXT,
                PRIMARY KEY (cadence_id, version, step_number),
                FOREIGN KEY (cadence_id, version) REFERENCES cadence_versions (cadence_id, version)
            );
            CREATE TABLE cadence_enrollments (
                enrollment_id   INTEGER PRIMARY KEY,
                cadence_id      INTEGER NOT NULL REFERENCES cadences (cadence_id),
                cadence_version INTEGER NOT NULL,
                record_type     TEXT NOT NULL CHECK (record_type IN ('account', 'opportunity', 'contact', 'target')),
                record_id       INTEGER NOT NULL,
                account_id      INTEGER,
                owner_user_id   TEXT,
                status          TEXT NOT NULL CHECK (status IN ('Active', 'Paused', 'Stopped', 'Completed')),
                current_step    INTEGER NOT NULL DEFAULT 0,
                enrolled_on     TEXT NOT NULL,
                paused_on       TEXT,
                stopped_on      TEXT,
                stop_reason     TEXT,
                completed_on    TEXT,
                source          TEXT NOT NULL,
                created_at      TEXT NOT NULL
            );
            CREATE UNIQUE INDEX cadence_enrollments_one_open
                ON cadence_enrollments (cadence_id, record_type, record_id) WHERE status IN ('Active', 'Paused');
            CREATE INDEX cadence_enrollments_record ON cadence_enrollments (record_type, record_id);
            CREATE TABLE audit_log (
                audit_id  INTEGER PRIMARY KEY,
                at        TEXT NOT NULL,
                actor     TEXT NOT NULL,
                action    TEXT NOT NULL,
                entity    TEXT NOT NULL,
                entity_id INTEGER,
                details   TEXT NOT NULL DEFAULT '{}'
            );
            CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);
            """)
    }

    /// What activities, targets and accounts need beyond crm/v1: the related contact/target, a
    /// description, and when a target was converted into which account. A column another
    /// feature's migration already added is left as it is.
    static func addCRMColumns(_ db: Database) throws {
        try addColumns(["contact_id INTEGER", "target_id INTEGER", "description TEXT", "created_at TEXT"], to: "activities", db: db)
        try addColumns(["owner_user_id TEXT", "account_id INTEGER", "converted_at TEXT"], to: "prospecting_targets", db: db)
        try detachEarlierEnrollmentReferences(db)
        try db.execute(sql: """
            CREATE UNIQUE INDEX activities_enrollment_step ON activities (cadence_enrollment_id, cadence_step_number)
                WHERE cadence_enrollment_id IS NOT NULL;
            """)
    }

    /// crm/v1 already had `activities.cadence_enrollment_id`: ids another system wrote there
    /// would collide with new enrollments (and may repeat a step, which the unique index
    /// refuses). They move to `earlier_cadence_enrollment_id`, kept for reference.
    static func detachEarlierEnrollmentReferences(_ db: Database) throws {
        let referenced = try Bool.fetchOne(db, sql: """
            SELECT EXISTS (SELECT 1 FROM activities WHERE cadence_enrollment_id IS NOT NULL) AND NOT EXISTS (SELECT 1 FROM cadence_enrollments)
            """) ?? false
        guard referenced else { return }
        try addColumns(["earlier_cadence_enrollment_id INTEGER"], to: "activities", db: db)
        try db.execute(sql: """
            UPDATE activities SET earlier_cadence_enrollment_id = cadence_enrollment_id, cadence_enrollment_id = NULL
            WHERE cadence_enrollment_id IS NOT NULL
            """)
    }

    static func addColumns(_ definitions: [String], to table: String, db: Database) throws {
        let existing = Set(try db.columns(in: table).map(\.name))
        for definition in definitions where !existing.contains(String(definition.split(separator: " ")[0])) {
            try db.execute(sql: "ALTER TABLE \(table) ADD COLUMN \(definition)")
        }
    }

    /// Derived account statuses: the current ones live on `accounts` (crm/v1 columns), every
    /// change is kept in `account_status_history`.
    static func createAccountStatus(_ db: Database) throws {
        try addColumns(["status_since TEXT", "last_transaction_date TEXT"], to: "accounts", db: db)
        try db.execute(sql: """
            CREATE TABLE account_status_history (
                history_id             INTEGER PRIMARY KEY,
                account_id             INTEGER NOT NULL,
                as_of                  TEXT NOT NULL,
                activity_status        TEXT NOT NULL,
                tenure_status          TEXT NOT NULL,
                previous_activity      TEXT,
                previous_tenure        TEXT,
                last_transaction_date  TEXT,
                recorded_at            TEXT NOT NULL
            );
            CREATE INDEX account_status_history_account ON account_status_history (account_id, history_id);
            """)
    }

    /// Newly inactive accounts, newest first, without reading every status change. The WHERE
    /// is repeated by `WinbackScan.flaggedCondition` (its query names this index, so the two
    /// cannot drift apart unnoticed: SQLite refuses the query).
    static func indexWinbackFlags(_ db: Database) throws {
        try db.execute(sql: """
            CREATE INDEX account_status_history_flagged ON account_status_history (history_id)
            WHERE activity_status = 'Inactive' AND previous_activity IS NOT 'Inactive'
            """)
    }

    /// Accounts by status for the counts pages show: a scan of this index, not of the table.
    static func indexAccountStatuses(_ db: Database) throws {
        try db.execute(sql: "CREATE INDEX accounts_status ON accounts (activity_status, tenure_status)")
    }

    /// Every winback scan's day, so a scan dated before the latest one can be refused.
    static func createWinbackScans(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE winback_scans (
                scan_id    INTEGER PRIMARY KEY,
                rule       TEXT NOT NULL,
                as_of      TEXT NOT NULL,
                scanned_at TEXT NOT NULL
            );
            CREATE INDEX winback_scans_as_of ON winback_scans (as_of);
            """)
    }
}
