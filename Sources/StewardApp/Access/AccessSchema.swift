import GRDB
public import StewardSQLite

/// The API's tables, migrated after the CRM's (namespace `access/`).
enum AccessSchema {
    static let migrations = [
        SQLiteSchemaMigration("access/v1-api-tokens", migrate: createTokens),
        SQLiteSchemaMigration("access/v2-sessions", migrate: createSessions),
    ]

    /// Browser sessions signed in with a token: only the cookie's SHA-256 is kept, with the form
    /// token (CSRF) that the session's forms must send back. A session ends with its token.
    private static func createSessions(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE dashboard_sessions (
                session_sha256 TEXT PRIMARY KEY,
                token_id       INTEGER NOT NULL REFERENCES api_tokens (id),
                csrf           TEXT NOT NULL,
                created_at     REAL NOT NULL,
                expires_at     REAL NOT NULL
            );
            CREATE INDEX dashboard_sessions_expiry ON dashboard_sessions (expires_at);
            """)
    }

    /// Only a token's SHA-256 is kept; `prefix` (its first characters) lets people tell tokens
    /// apart without the secret. A name is unique among tokens not revoked.
    private static func createTokens(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE api_tokens (
                id           INTEGER PRIMARY KEY,
                name         TEXT NOT NULL,
                role         TEXT NOT NULL CHECK (role IN ('viewer', 'operator', 'admin')),
                token_sha256 TEXT NOT NULL UNIQUE,
                prefix       TEXT NOT NULL,
                created_at   REAL NOT NULL,
                created_by   TEXT,
                last_used_at REAL,
                revoked_at   REAL
            );
            CREATE UNIQUE INDEX api_tokens_active_name ON api_tokens (name) WHERE revoked_at IS NULL;
            """)
    }
}
