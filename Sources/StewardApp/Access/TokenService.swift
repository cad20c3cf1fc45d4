import Crypto
public import Foundation
import GRDB
public import StewardCore
public import StewardSQLite
import StewardCRM

/// API tokens: created once (the secret is shown then and never again; only its SHA-256 is
/// kept), listed, revoked, and checked on every request. Each change writes `audit_log` in the
/// same transaction.
public struct TokenService: Sendable {
    public let store: SQLiteJobStore
    public let clock: any JobClock

    public init(store: SQLiteJobStore, clock: any JobClock = SystemClock()) {
        self.store = store
        self.clock = clock
    }

    /// The new token and its secret (`stw_` and 43 base64url characters).
    public func create(name: String, role: APIRole, by actor: String, requestID: String? = nil) async throws -> (token: APIToken, secret: String) {
        let name = try Self.checkName(name)
        let secret = Self.newSecret()
        let now = clock.now()
        let token = try await store.database.write { db in
            guard try Int.fetchOne(db, sql: "SELECT count(*) FROM api_tokens WHERE name = ? AND revoked_at IS NULL", arguments: [name]) == 0 else {
                throw StewardError(.tokenNameTaken, "a token named '\(name)' already exists", fix: "revoke it first, or choose another name")
            }
            try db.execute(sql: """
                INSERT INTO api_tokens (name, role, token_sha256, prefix, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [name, role.rawValue, Self.digest(secret), String(secret.prefix(8)), now.timeIntervalSince1970, actor])
            let id = db.lastInsertedRowID
            try CRMAudit.record("token.created", entity: "api_token", id: id, details: ["name": name, "role": role.rawValue], actor: actor, requestID: requestID, db: db, now: now)
            return try Self.fetch(id, db: db)
        }
        return (token, secret)
    }

    /// Tokens, newest first; revoked ones too when asked.
    public func list(includeRevoked: Bool = false) async throws -> [APIToken] {
        try await store.database.read { db in
            try Row.fetchAll(db, sql: "SELECT \(Self.columns) FROM api_tokens \(includeRevoked ? "" : "WHERE revoked_at IS NULL") ORDER BY id DESC")
                .map(Self.token(from:))
        }
    }

    /// Revokes the active token named `name`; its requests are refused from now on.
    public func revoke(name: String, by actor: String, requestID: String? = nil) async throws -> APIToken {
        let now = clock.now()
        return try await store.database.write { db in
            guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM api_tokens WHERE name = ? AND revoked_at IS NULL", arguments: [name]) else {
                throw StewardError(.tokenNotFound, "no active token named '\(name)'", fix: "steward tokens list shows them")
            }
            try db.execute(sql: "UPDATE api_tokens SET revoked_at = ? WHERE id = ?", arguments: [now.timeIntervalSince1970, id])
            try CRMAudit.record("token.revoked", entity: "api_token", id: id, details: ["name": name], actor: actor, requestID: requestID, db: db, now: now)
            return try Self.fetch(id, db: db)
        }
    }

    /// The active token whose secret this is, or nil. Checked through a reader, so requests do
    /// not queue for the write lock; when it was last used is written at most once a minute.
    public func authenticate(_ secret: String) async throws -> APIToken? {
        let now = clock.now()
        let digest = Self.digest(secret)
        guard var token = try await store.database.read({ db in
            try Row.fetchOne(db, sql: "SELECT \(Self.columns) FROM api_tokens WHERE token_sha256 = ? AND revoked_at IS NULL", arguments: [digest])
                .map(Self.token(from:))
        }) else { return nil }
        if token.lastUsedAt.map({ now.timeIntervalSince($0) >= Self.lastUsedPrecision }) ?? true {
            let id = token.id
            try await store.database.write { db in
                try db.execute(sql: "UPDATE api_tokens SET last_used_at = ? WHERE id = ?", arguments: [now.timeIntervalSince1970, id])
            }
            token.lastUsedAt = now
        }
        return token
    }

    /// Seconds `last_used_at` may lag behind the last request.
    static let lastUsedPrecision: TimeInterval = 60

    static func checkName(_ name: String) throws -> String {
        guard (1...100).contains(name.count), name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_.@".contains($0)) }) else {
            throw StewardError(.invalidArguments, "token name '\(name)' may hold 1 to 100 ASCII letters, digits, '-', '_', '.' and '@'",
                               fix: "e.g. crm-web or anna@example.com")
        }
        return name
    }

    /// 32 random bytes, base64url without padding, after `stw_`.
    public static func newSecret() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let text = Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
        return "stw_" + text
    }

    public static func digest(_ secret: String) -> String {
        SHA256.hash(data: Data(secret.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    private static let columns = "id, name, role, prefix, created_at, created_by, last_used_at, revoked_at"

    static func fetch(_ id: Int64, db: Database) throws -> APIToken {
        guard let row = try Row.fetchOne(db, sql: "SELECT \(columns) FROM api_tokens WHERE id = ?", arguments: [id]) else {
            throw StewardError(.tokenNotFound, "no token with id \(id)")
        }
        return token(from: row)
    }

    private static func token(from row: Row) -> APIToken {
        APIToken(id: row[0], name: row[1], role: APIRole(rawValue: row[2]) ?? .viewer, prefix: row[3],
                 createdAt: Date(timeIntervalSince1970: row[4]), createdBy: row[5],
                 lastUsedAt: (row[6] as Double?).map(Date.init(timeIntervalSince1970:)),
                 revokedAt: (row[7] as Double?).map(Date.init(timeIntervalSince1970:)))
    }
}

extension StewardError.Code {
    public static let tokenNotFound = Self(rawValue: "token_not_found")
    public static let tokenNameTaken = Self(rawValue: "token_name_taken")
}
