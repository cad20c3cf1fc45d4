import Foundation
import GRDB
import StewardApp
import StewardCore
import StewardSQLite
import StewardTesting
import Testing

/// API tokens: the secret shown once and stored only as a hash, roles, revocation, the audit log.
@Suite("Token commands")
struct TokenCommandTests {
    @Test func aTokenIsShownOnceStoredHashedListedAndRevoked() async throws {
        try await SQLiteTestStore.with(schema: StewardStore.schema) { test in
            let created = await steward("tokens", "create", "crm-web", "--role", "operator", "--database", test.path, environment: ["USER": "anna"])
            #expect(created.code == 0, "\(created.error)")
            let secret = try #require(created.output.split(separator: "\n").last.map(String.init))
            #expect(secret.hasPrefix("stw_") && secret.count == 47)
            let stored = try await test.store.database.read { db in try Row.fetchAll(db, sql: "SELECT * FROM api_tokens") }
            #expect(stored.count == 1)
            #expect(!stored[0].databaseValues.contains { String.fromDatabaseValue($0) == secret }, "the secret itself is never stored")

            let service = TokenService(store: test.store)
            let known = try await service.authenticate(secret)
            #expect(known?.name == "crm-web" && known?.role == .operator)
            #expect(try await service.authenticate(secret + "x") == nil)

            let list = await steward("tokens", "list", "--database", test.path)
            #expect(list.output.contains("crm-web") && list.output.contains("operator") && list.output.contains(String(secret.prefix(8))))
            #expect(!list.output.contains(secret))

            let twice = await steward("tokens", "create", "crm-web", "--role", "viewer", "--database", test.path)
            #expect(twice.code == 65 && twice.error.contains("a token named 'crm-web' already exists"))
            let badRole = await steward("tokens", "create", "x", "--role", "root", "--database", test.path)
            #expect(badRole.code == 64)

            let revoked = await steward("tokens", "revoke", "crm-web", "--database", test.path, environment: ["USER": "anna"])
            #expect(revoked.code == 0, "\(revoked.error)")
            #expect(try await service.authenticate(secret) == nil, "a revoked token is refused")
            #expect(await steward("tokens", "revoke", "crm-web", "--database", test.path).code == 66)

            let audit = try await test.store.database.read { db in
                try Row.fetchAll(db, sql: "SELECT actor, action FROM audit_log WHERE entity = 'api_token' ORDER BY audit_id").map { "\($0[0] as String) \($0[1] as String)" }
            }
            #expect(audit == ["anna token.created", "anna token.revoked"])
        }
    }

    @Test func rolesAreOrdered() {
        #expect(APIRole.viewer < .operator && APIRole.operator < .admin)
    }
}
