import GRDB

/// The webhook tables: endpoint state, one delivery per (event, endpoint), every attempt.
/// Migrated as `webhooks/v1-deliveries` and `webhooks/v2-failed-at` (listed in `CRMSchema.migrations`).
enum WebhookSchema {
    static func createTables(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE webhook_endpoints (
                name             TEXT PRIMARY KEY,
                enabled          INTEGER NOT NULL DEFAULT 1,
                disabled_reason  TEXT,
                disabled_at      REAL,
                first_failure_at REAL,
                updated_at       REAL NOT NULL
            );
            CREATE TABLE webhook_deliveries (
                id               INTEGER PRIMARY KEY,
                endpoint         TEXT NOT NULL,
                event_id         INTEGER,
                event_name       TEXT NOT NULL,
                message_id       TEXT NOT NULL UNIQUE,
                body             TEXT NOT NULL,
                status           TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
                attempts         INTEGER NOT NULL DEFAULT 0,
                round_start      INTEGER NOT NULL DEFAULT 0,
                created_at       REAL NOT NULL,
                last_attempt_at  REAL,
                next_attempt_at  REAL,
                delivered_at     REAL,
                last_result      TEXT,
                UNIQUE (event_id, endpoint)
            );
            CREATE INDEX webhook_deliveries_endpoint ON webhook_deliveries (endpoint, id);
            CREATE INDEX webhook_deliveries_status ON webhook_deliveries (status, last_attempt_at);
            CREATE TABLE webhook_attempts (
                id               INTEGER PRIMARY KEY,
                delivery_id      INTEGER NOT NULL REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
                attempt          INTEGER NOT NULL,
                attempted_at     REAL NOT NULL,
                status_code      INTEGER,
                error_class      TEXT,
                error            TEXT,
                latency_ms       REAL NOT NULL,
                response_headers TEXT,
                response_body    TEXT,
                next_attempt_at  REAL,
                UNIQUE (delivery_id, attempt)
            );
            """)
    }

    /// When a delivery failed, however it failed (an attempt, a disabled or removed endpoint):
    /// `redeliver --failed-since` filters on it. Earlier failures take their last attempt's time.
    static func addFailedAt(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE webhook_deliveries ADD COLUMN failed_at REAL;
            UPDATE webhook_deliveries SET failed_at = coalesce(last_attempt_at, created_at) WHERE status = 'failed';
            CREATE INDEX webhook_deliveries_failed ON webhook_deliveries (status, failed_at);
            """)
    }

    /// Success rates over the last day read attempts by time.
    static func addAttemptTimeIndex(_ db: Database) throws {
        try db.execute(sql: "CREATE INDEX webhook_attempts_time ON webhook_attempts (attempted_at)")
    }

    /// Deliveries per endpoint and status, kept by triggers in the transaction of every change,
    /// so endpoint lists read a few rows instead of counting every delivery.
    static func createDeliveryCounts(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE webhook_delivery_counts (
                endpoint TEXT NOT NULL,
                status   TEXT NOT NULL,
                n        INTEGER NOT NULL,
                PRIMARY KEY (endpoint, status)
            ) WITHOUT ROWID;
            INSERT INTO webhook_delivery_counts (endpoint, status, n) SELECT endpoint, status, count(*) FROM webhook_deliveries GROUP BY endpoint, status;
            CREATE TRIGGER webhook_delivery_counts_insert AFTER INSERT ON webhook_deliveries BEGIN
                INSERT INTO webhook_delivery_counts (endpoint, status, n) VALUES (new.endpoint, new.status, 1)
                ON CONFLICT (endpoint, status) DO UPDATE SET n = n + 1;
            END;
            CREATE TRIGGER webhook_delivery_counts_update AFTER UPDATE OF status ON webhook_deliveries WHEN old.status != new.status BEGIN
                UPDATE webhook_delivery_counts SET n = n - 1 WHERE endpoint = old.endpoint AND status = old.status;
                INSERT INTO webhook_delivery_counts (endpoint, status, n) VALUES (new.endpoint, new.status, 1)
                ON CONFLICT (endpoint, status) DO UPDATE SET n = n + 1;
            END;
            CREATE TRIGGER webhook_delivery_counts_delete AFTER DELETE ON webhook_deliveries BEGIN
                UPDATE webhook_delivery_counts SET n = n - 1 WHERE endpoint = old.endpoint AND status = old.status;
            END;
            """)
    }
}
