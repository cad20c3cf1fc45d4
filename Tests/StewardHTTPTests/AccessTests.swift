import Foundation
import GRDB
import StewardApp
import StewardSQLite
import StewardTesting
import Testing

/// Tokens and roles over a real socket: 401 without or with a bad token, 403 below the route's
/// role, the request id shared by the answer, the log and the audit row.
@Suite(.stewardDatabase)
struct AccessTests {
    @Test func publicRoutesAnswerWithoutAToken() async throws {
        try await LiveServer.with { server in
            let health = try await server.get("/health")
            #expect(health.status == 200)
            #expect(health.json["status"] as? String == "ok")
            let ready = try await server.get("/ready")
            #expect(ready.status == 200, "\(ready.text)")
            #expect(ready.json["ready"] as? Bool == true)
        }
    }

    @Test func aMissingOrUnknownTokenIsRefusedWith401SayingWhich() async throws {
        try await LiveServer.with { server in
            let missing = try await server.get("/queues")
            #expect(missing.status == 401)
            #expect(missing.header("Content-Type") == "application/problem+json")
            #expect(missing.header("WWW-Authenticate")?.hasPrefix("Bearer") == true)
            #expect((missing.json["detail"] as? String)?.contains("needs a token") == true)
            let unknown = try await server.get("/queues", token: "stw_not-a-real-token")
            #expect(unknown.status == 401)
            #expect((unknown.json["detail"] as? String)?.contains("unknown or revoked") == true)
            let basic = try await server.send("GET", "/queues", headers: ["Authorization": "Basic YTpi"])
            #expect(basic.status == 401)
            #expect((basic.json["detail"] as? String)?.contains("Bearer") == true)
        }
    }

    @Test func aRevokedTokenIsRefused() async throws {
        try await LiveServer.with { server in
            let secret = try await server.token("gone", .viewer)
            #expect(try await server.get("/queues", token: secret).status == 200)
            _ = try await TokenService(store: server.store, clock: server.clock).revoke(name: "gone", by: "test")
            // Revoked elsewhere (the CLI, another server): refused once this server's second of caching is over.
            server.clock.advance(by: .seconds(1))
            #expect(try await server.get("/queues", token: secret).status == 401)
        }
    }

    @Test func aRoleTooLowIsRefusedWith403NamingBothRoles() async throws {
        try await LiveServer.with { server in
            let viewer = try await server.token("look", .viewer)
            let reply = try await server.send("POST", "/queues/default/pause", token: viewer)
            #expect(reply.status == 403)
            #expect(reply.json["detail"] as? String == "this route needs the admin role; token 'look' has viewer")
            #expect(try await server.store.queuePauses(now: server.clock.now()).isEmpty)
            let tokens = try await server.get("/tokens", token: try await server.token("ops", .operator))
            #expect(tokens.status == 403)
        }
    }

    @Test func anAdminManagesTokensAndEveryChangeIsAuditedWithItsRequestID() async throws {
        try await LiveServer.with { server in
            let admin = try await server.token("root", .admin)
            let created = try await server.send("POST", "/tokens", token: admin, json: #"{"name": "crm-web", "role": "operator"}"#,
                                                headers: ["X-Request-Id": "req-create-1"])
            #expect(created.status == 201, "\(created.text)")
            let secret = try #require(created.json["secret"] as? String)
            #expect(secret.hasPrefix("stw_"))
            #expect(created.header("X-Request-Id") == "req-create-1")
            let listed = try await server.get("/tokens", token: admin)
            #expect(listed.array.map { $0["name"] as? String } == ["crm-web", "root"])
            #expect(!listed.text.contains(secret) && !listed.text.contains("sha256"))
            #expect(try await server.send("DELETE", "/tokens/crm-web", token: admin).status == 200)
            #expect(try await server.get("/queues", token: secret).status == 401)
            let audit = try await server.store.database.read { db in
                try Row.fetchAll(db, sql: "SELECT actor, action, request_id FROM audit_log WHERE entity = 'api_token' AND actor LIKE 'token:%' ORDER BY audit_id")
                    .map { "\($0[0] as String) \($0[1] as String) \(($0[2] as String?) != nil)" }
            }
            #expect(audit == ["token:root token.created true", "token:root token.revoked true"])
            let createdRow = try await server.store.database.read { db in
                try String.fetchOne(db, sql: "SELECT request_id FROM audit_log WHERE action = 'token.created' AND actor = 'token:root'")
            }
            #expect(createdRow == "req-create-1")
        }
    }

    @Test func badBodiesAndParametersAreNamed() async throws {
        try await LiveServer.with { server in
            let admin = try await server.token("root", .admin)
            let unknownField = try await server.send("POST", "/tokens", token: admin, json: #"{"name": "x", "role": "viewer", "rol": 1}"#)
            #expect(unknownField.status == 400)
            #expect(unknownField.json["detail"] as? String == "field 'rol' is not known here")
            let wrongType = try await server.send("POST", "/tokens", token: admin, json: #"{"name": 5, "role": "viewer"}"#)
            #expect(wrongType.status == 400)
            #expect(wrongType.json["detail"] as? String == "field 'name' must be a string")
            let notJSON = try await server.send("POST", "/tokens", token: admin, json: "{name")
            #expect(notJSON.json["code"] as? String == "invalid_body")
            let badRole = try await server.send("POST", "/tokens", token: admin, json: #"{"name": "x", "role": "boss"}"#)
            #expect(badRole.status == 422)
            let badQuery = try await server.get("/tokens?include_revoked=maybe", token: admin)
            #expect(badQuery.status == 400)
            #expect(badQuery.json["detail"] as? String == "parameter 'include_revoked': 'maybe' is not true or false")
            let unknownQuery = try await server.get("/queues?colour=red", token: admin)
            #expect(unknownQuery.json["code"] as? String == "invalid_parameter")
            let taken = try await server.send("POST", "/tokens", token: admin, json: #"{"name": "root", "role": "viewer"}"#)
            #expect(taken.status == 409)
            #expect(try await server.send("DELETE", "/tokens/nobody", token: admin).status == 404)
            #expect(try await server.get("/no/such/route", token: admin).status == 404)
        }
    }
}

/// Authentication reads; when a token was last used is written at most once a minute, so
/// requests do not queue for the write lock.
@Suite(.stewardDatabase)
struct TokenUseTests {
    @Test func lastUseIsRecordedAtMostOnceAMinute() async throws {
        let store = try SQLiteDatabaseTrait.store().store
        let clock = ManualClock()
        let service = TokenService(store: store, clock: clock)
        let secret = try await service.create(name: "crm-web", role: .viewer, by: "test").secret
        let first = try #require(try await service.authenticate(secret))
        #expect(first.lastUsedAt == clock.now())
        clock.advance(by: .seconds(59))
        _ = try await service.authenticate(secret)
        #expect(try await service.list().first?.lastUsedAt == first.lastUsedAt)
        clock.advance(by: .seconds(1))
        _ = try await service.authenticate(secret)
        #expect(try await service.list().first?.lastUsedAt == clock.now())
        #expect(try await service.authenticate(secret + "x") == nil)
    }
}
