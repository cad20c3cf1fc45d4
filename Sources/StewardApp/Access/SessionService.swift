public import Foundation
import GRDB
public import StewardCore
public import StewardSQLite
import StewardCRM

/// A signed-in browser: the token it signed in with, and the form token its forms carry.
public struct DashboardSession: Sendable, Equatable {
    public var token: APIToken
    public var csrf: String
    public var expiresAt: Date
}

/// Signing in to the dashboard with an API token: a session whose cookie secret is shown once
/// (only its SHA-256 is stored), valid for `lifetime` and no longer than its token. Sign-ins and
/// sign-outs are audited.
public struct SessionService: Sendable {
    public let store: SQLiteJobStore
    public let clock: any JobClock
    public var lifetime: TimeInterval

    public init(store: SQLiteJobStore, clock: any JobClock, lifetime: TimeInterval = 12 * 3600) {
        self.store = store
        self.clock = clock
        self.lifetime = lifetime
    }

    /// A new session for the token whose secret this is; nil when the token is unknown or revoked.
    public func signIn(tokenSecret: String, requestID: String? = nil) async throws -> (session: DashboardSession, cookie: String)? {
        guard let token = try await TokenService(store: store, clock: clock).authenticate(tokenSecret) else { return nil }
        let cookie = TokenService.newSecret()
        let csrf = TokenService.newSecret()
        let now = clock.now()
        let expiry = now.addingTimeInterval(lifetime)
        try await store.database.write { db in
            try db.execute(sql: "DELETE FROM dashboard_sessions WHERE expires_at <= ?", arguments: [now.timeIntervalSince1970])
            try db.execute(sql: "INSERT INTO dashboard_sessions (session_sha256, token_id, csrf, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
                           arguments: [TokenService.digest(cookie), token.id, csrf, now.timeIntervalSince1970, expiry.timeIntervalSince1970])
            try CRMAudit.record("session.started", entity: "api_token", id: token.id, details: ["name": token.name], actor: "token:\(token.name)",
                                requestID: requestID, db: db, now: now)
        }
        return (DashboardSession(token: token, csrf: csrf, expiresAt: expiry), cookie)
    }

    /// The live session this cookie names: not expired, its token not revoked.
    public func session(cookie: String) async throws -> DashboardSession? {
        let now = clock.now()
        let digest = TokenService.digest(cookie)
        return try await store.database.read { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT s.token_id, s.csrf, s.expires_at FROM dashboard_sessions s JOIN api_tokens t ON t.id = s.token_id
                WHERE s.session_sha256 = ? AND s.expires_at > ? AND t.revoked_at IS NULL
                """, arguments: [digest, now.timeIntervalSince1970]) else { return nil }
            return DashboardSession(token: try TokenService.fetch(row[0], db: db), csrf: row[1], expiresAt: Date(timeIntervalSince1970: row[2]))
        }
    }

    public func signOut(cookie: String, requestID: String? = nil) async throws {
        let now = clock.now()
        let digest = TokenService.digest(cookie)
        try await store.database.write { db in
            guard let tokenID = try Int64.fetchOne(db, sql: "SELECT token_id FROM dashboard_sessions WHERE session_sha256 = ?", arguments: [digest]) else { return }
            try db.execute(sql: "DELETE FROM dashboard_sessions WHERE session_sha256 = ?", arguments: [digest])
            let name = try String.fetchOne(db, sql: "SELECT name FROM api_tokens WHERE id = ?", arguments: [tokenID]) ?? "?"
            try CRMAudit.record("session.ended", entity: "api_token", id: tokenID, details: ["name": name], actor: "token:\(name)",
                                requestID: requestID, db: db, now: now)
        }
    }
}
