import GRDB
public import StewardSQLite

/// The API's tables, migrated after the CRM's (namespace `access/`).
enum AccessSchema {
    static let migrations = [SQLiteSchemaMigration("access/v1-api-tokens", migrate: createTokens)]

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
