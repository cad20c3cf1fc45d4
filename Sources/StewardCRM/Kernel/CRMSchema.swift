public import StewardSQLite
import GRDB

/// The CRM tables, migrated after the engine's. Column names come from `Entity.fields` (the
/// allow-list workflow files are checked against), so files and tables cannot drift apart.
public enum CRMSchema {
    public static let migrations: [SQLiteSchemaMigration] = [
        SQLiteSchemaMigration("crm/v1-entities", migrate: createEntities),
        SQLiteSchemaMigration("crm/v2-export-runs", migrate: createExportRuns),
        SQLiteSchemaMigration("imports/v1-imports", migrate: ImportSchema.createImports),
        SQLiteSchemaMigration("imports/v2-dedupe-indexes", migrate: ImportDedupeIndexes.create),
        SQLiteSchemaMigration("webhooks/v1-deliveries", migrate: WebhookSchema.createTables),
        SQLiteSchemaMigration("webhooks/v2-failed-at", migrate: WebhookSchema.addFailedAt),
    ] + CadenceSchema.migrations + [
        SQLiteSchemaMigration("audit/v1-request-id", migrate: AuditLog.addRequestID),
        SQLiteSchemaMigration("imports/v3-api", migrate: ImportSchema.addAPIColumns),
        SQLiteSchemaMigration("imports/v4-error-counts", migrate: ImportSchema.createErrorCounts),
        SQLiteSchemaMigration("webhooks/v3-attempt-time", migrate: WebhookSchema.addAttemptTimeIndex),
        SQLiteSchemaMigration("crm/v3-jobs-by-account", migrate: indexJobsByAccount),
        SQLiteSchemaMigration("webhooks/v4-delivery-counts", migrate: WebhookSchema.createDeliveryCounts),
        SQLiteSchemaMigration("crm/v4-winback-flags", migrate: CadenceSchema.indexWinbackFlags),
        SQLiteSchemaMigration("crm/v5-account-statuses", migrate: CadenceSchema.indexAccountStatuses),
    ]

    /// The tables as first shipped. A migration never changes once released, so this SQL is
    /// frozen; later columns arrive through new migrations, and `SchemaTests` checks that the
    /// migrated tables still hold every field workflow files may name (`Entity.fields`).
    static func createEntities(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE accounts (account_id INTEGER PRIMARY KEY, company_name TEXT, industry TEXT, country TEXT, owner_user_id TEXT, activity_status TEXT, tenure_status TEXT, created_at TEXT);
            CREATE TABLE contacts (contact_id INTEGER PRIMARY KEY, account_id INTEGER, first_name TEXT, last_name TEXT, email TEXT, phone TEXT, created_at TEXT);
            CREATE TABLE leads (lead_id INTEGER PRIMARY KEY, account_id INTEGER, company_name TEXT, email TEXT, phone TEXT, triage_status TEXT, opportunity_id INTEGER, created_at TEXT);
            CREATE TABLE opportunities (opportunity_id INTEGER PRIMARY KEY, account_id INTEGER, stage TEXT, owner_user_id TEXT, amount REAL, source_lead_id INTEGER, lost_reason TEXT, created_at TEXT, closed_at TEXT);
            CREATE TABLE activities (activity_id INTEGER PRIMARY KEY, type TEXT, subject TEXT, status TEXT, due_date TEXT, owner_user_id TEXT, account_id INTEGER, opportunity_id INTEGER, cadence_enrollment_id INTEGER, cadence_step_number INTEGER, completed_at TEXT);
            CREATE TABLE prospecting_targets (target_id INTEGER PRIMARY KEY, company_name TEXT, contact_name TEXT, email TEXT, phone TEXT, website TEXT, status TEXT, dedupe_key TEXT, created_at TEXT);
            CREATE TABLE transactions (transaction_id INTEGER PRIMARY KEY, account_id INTEGER, date TEXT, amount REAL);
            CREATE TABLE import_errors (import_id INTEGER, line INTEGER, field TEXT, category TEXT, message TEXT, resolved INTEGER);
            CREATE UNIQUE INDEX prospecting_targets_dedupe ON prospecting_targets (dedupe_key);
            CREATE INDEX contacts_account ON contacts (account_id);
            CREATE INDEX opportunities_account ON opportunities (account_id);
            CREATE INDEX transactions_account_date ON transactions (account_id, date);
            CREATE INDEX activities_owner_due ON activities (owner_user_id, due_date);
            """)
    }

    /// The CRM's jobs name their account (`{"account_id": 42}`): people look them up by it
    /// (`jobs list --arg account_id=42`, the API's `args.account_id`, the dashboard), so an index
    /// on that argument spares reading every job. Partial: jobs without one add nothing to it.
    static func indexJobsByAccount(_ db: Database) throws {
        try db.execute(sql: """
            CREATE INDEX jobs_account ON jobs (json_extract(args, '$.account_id')) WHERE json_extract(args, '$.account_id') IS NOT NULL
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
