import GRDB

/// The tables of CSV imports: one row per uploaded file (its status, counters and checkpoint) and
/// one row per failed record field, keeping the record's original bytes for the error report.
enum ImportSchema {
    /// `crm/v1` shipped a bare `import_errors` (no id, no raw record); it is rebuilt here with the
    /// columns retries need, and any rows it held are carried over.
    static func createImports(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE imports (
                id                INTEGER PRIMARY KEY,
                file_name         TEXT NOT NULL,
                stored_path       TEXT NOT NULL,
                size              INTEGER NOT NULL,
                sha256            TEXT NOT NULL,
                profile           TEXT NOT NULL,
                profile_json      TEXT NOT NULL,
                target            TEXT NOT NULL,
                created_by        TEXT,
                status            TEXT NOT NULL DEFAULT 'pending' CHECK (status IN
                                    ('pending', 'processing', 'completed', 'completed_with_errors', 'failed', 'cancelled')),
                cancel_requested  INTEGER NOT NULL DEFAULT 0,
                job_id            INTEGER,
                parent_import_id  INTEGER REFERENCES imports (id),
                delimiter         TEXT,
                header            BLOB,
                total_rows        INTEGER,
                processed_rows    INTEGER NOT NULL DEFAULT 0,
                created_rows      INTEGER NOT NULL DEFAULT 0,
                updated_rows      INTEGER NOT NULL DEFAULT 0,
                skipped_rows      INTEGER NOT NULL DEFAULT 0,
                failed_rows       INTEGER NOT NULL DEFAULT 0,
                checkpoint_offset INTEGER NOT NULL DEFAULT 0,
                checkpoint_line   INTEGER NOT NULL DEFAULT 1,
                error             TEXT,
                created_at        REAL NOT NULL,
                started_at        REAL,
                updated_at        REAL,
                finished_at       REAL
            );
            CREATE INDEX imports_parent ON imports (parent_import_id);
            ALTER TABLE import_errors RENAME TO import_errors_v1;
            CREATE TABLE import_errors (
                id                    INTEGER PRIMARY KEY,
                import_id             INTEGER NOT NULL,
                line                  INTEGER NOT NULL,
                field                 TEXT,
                category              TEXT NOT NULL CHECK (category IN
                                        ('validation', 'duplicate', 'reference_not_found', 'database_error', 'malformed_row')),
                message               TEXT NOT NULL,
                raw                   BLOB NOT NULL,
                resolved              INTEGER NOT NULL DEFAULT 0,
                resolved_by_import_id INTEGER
            );
            INSERT INTO import_errors (import_id, line, field, category, message, raw, resolved)
                SELECT coalesce(import_id, 0), coalesce(line, 0), field,
                       CASE WHEN category IN ('duplicate', 'reference_not_found', 'database_error', 'malformed_row') THEN category ELSE 'validation' END,
                       coalesce(message, ''), x'', coalesce(resolved, 0)
                FROM import_errors_v1;
            DROP TABLE import_errors_v1;
            CREATE INDEX import_errors_import_line ON import_errors (import_id, line);
            """)
    }

    /// What the HTTP API adds: a client's idempotency key per import (unique per submitter), a
    /// person's resolution of a failed row (resolved by hand or dismissed, with a note), and the
    /// indexes its filtered, paged lists read.
    static func addAPIColumns(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE imports ADD COLUMN idempotency_key TEXT;
            CREATE UNIQUE INDEX imports_idempotency ON imports (created_by, idempotency_key) WHERE idempotency_key IS NOT NULL;
            CREATE INDEX imports_status ON imports (status, id);
            ALTER TABLE import_errors ADD COLUMN resolution TEXT CHECK (resolution IN ('retried', 'resolved', 'dismissed'));
            ALTER TABLE import_errors ADD COLUMN note TEXT;
            ALTER TABLE import_errors ADD COLUMN resolved_by TEXT;
            ALTER TABLE import_errors ADD COLUMN resolved_at REAL;
            UPDATE import_errors SET resolution = 'retried' WHERE resolved = 1;
            CREATE INDEX import_errors_import_id ON import_errors (import_id, id);
            CREATE INDEX import_errors_import_category ON import_errors (import_id, category, resolved, id);
            """)
    }

    /// Failed rows per import and category, kept by triggers in the transaction of every change
    /// to `import_errors` (the import's batches, a retry resolving rows, a person resolving one),
    /// so an import's page reads five rows instead of counting thousands.
    static func createErrorCounts(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE import_error_counts (
                import_id  INTEGER NOT NULL,
                category   TEXT NOT NULL,
                total      INTEGER NOT NULL,
                unresolved INTEGER NOT NULL,
                PRIMARY KEY (import_id, category)
            ) WITHOUT ROWID;
            INSERT INTO import_error_counts (import_id, category, total, unresolved)
                SELECT import_id, category, count(*), sum(resolved = 0) FROM import_errors GROUP BY import_id, category;
            CREATE TRIGGER import_error_counts_insert AFTER INSERT ON import_errors BEGIN
                INSERT INTO import_error_counts (import_id, category, total, unresolved) VALUES (new.import_id, new.category, 1, new.resolved = 0)
                ON CONFLICT (import_id, category) DO UPDATE SET total = total + 1, unresolved = unresolved + (new.resolved = 0);
            END;
            CREATE TRIGGER import_error_counts_update AFTER UPDATE OF resolved ON import_errors WHEN old.resolved != new.resolved BEGIN
                UPDATE import_error_counts SET unresolved = unresolved + (new.resolved = 0) - (old.resolved = 0)
                WHERE import_id = new.import_id AND category = new.category;
            END;
            CREATE TRIGGER import_error_counts_delete AFTER DELETE ON import_errors BEGIN
                UPDATE import_error_counts SET total = total - 1, unresolved = unresolved - (old.resolved = 0)
                WHERE import_id = old.import_id AND category = old.category;
            END;
            """)
    }
}
