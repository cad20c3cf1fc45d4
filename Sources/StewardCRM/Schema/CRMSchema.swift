public import StewardSQLite
import GRDB
import StewardWorkflows

/// The CRM tables, migrated after the engine's. Column names come from `Entity.fields` (the
/// allow-list workflow files are checked against), so files and tables cannot drift apart.
public enum CRMSchema {
    public static let migrations: [SQLiteSchemaMigration] = [
        SQLiteSchemaMigration("crm/v1-entities", migrate: createEntities),
        SQLiteSchemaMigration("crm/v2-export-runs", migrate: createExportRuns),
    ]

    /// Types and constraints per column; anything not listed is TEXT. Dates are ISO 8601 text.
    static let columnTypes: [String: String] = [
        "account_id": "INTEGER", "contact_id": "INTEGER", "lead_id": "INTEGER", "opportunity_id": "INTEGER",
        "activity_id": "INTEGER", "target_id": "INTEGER", "transaction_id": "INTEGER", "import_id": "INTEGER",
        "source_lead_id": "INTEGER", "cadence_enrollment_id": "INTEGER", "cadence_step_number": "INTEGER",
        "line": "INTEGER", "amount": "REAL", "resolved": "INTEGER",
    ]

    static func createEntities(_ db: Database) throws {
        for entity in Entity.allCases {
            let primaryKey = entity.fields[0]
            let columns = entity.fields.map { field in
                let type = columnTypes[field] ?? "TEXT"
                return field == primaryKey && entity != .importErrors ? "\(field) INTEGER PRIMARY KEY" : "\(field) \(type)"
            }
            try db.execute(sql: "CREATE TABLE \(entity.rawValue) (\(columns.joined(separator: ", ")))")
        }
        try db.execute(sql: """
            CREATE UNIQUE INDEX prospecting_targets_dedupe ON prospecting_targets (dedupe_key);
            CREATE INDEX contacts_account ON contacts (account_id);
            CREATE INDEX opportunities_account ON opportunities (account_id);
            CREATE INDEX transactions_account_date ON transactions (account_id, date);
            CREATE INDEX activities_owner_due ON activities (owner_user_id, due_date);
            """)
    }

    /// Every export run: when, what, how much, and the file's fingerprint.
    static func createExportRuns(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE export_runs (
                id          INTEGER PRIMARY KEY,
                export      TEXT NOT NULL,
                job_id      INTEGER,
                started_at  REAL NOT NULL,
                finished_at REAL,
                status      TEXT NOT NULL CHECK (status IN ('running', 'completed', 'failed')),
                rows        INTEGER,
                bytes       INTEGER,
                sha256      TEXT,
                path        TEXT,
                error       TEXT,
                pruned      INTEGER NOT NULL DEFAULT 0
            );
            CREATE INDEX export_runs_export ON export_runs (export, id);
            """)
    }
}
