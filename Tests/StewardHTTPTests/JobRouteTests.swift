import Foundation
import GRDB
import StewardApp
import StewardCore
import StewardSQLite
import StewardTesting
import Testing

@Suite(.stewardDatabase)
struct JobRouteTests {
    /// Three jobs: one per account, one of them discarded after a failed attempt.
    static func seed(_ server: LiveServer) async throws -> [JobID] {
        let inserted = try await server.store.jobInsertMany([
            NewJob(kind: "sleep", args: #"{"seconds": 0, "account_id": 42}"#, maxAttempts: 1),
            NewJob(kind: "sleep", args: #"{"seconds": 0, "account_id": 7}"#, queue: "imports"),
            NewJob(kind: "sleep", args: #"{"seconds": 0, "account_id": 42}"#, queue: "imports"),
        ], now: server.clock.now()).map(\.job.id)
        let claimed = try await server.store.jobClaim(JobClaimParams(queue: "default", limit: 1, owner: "w", leaseDuration: .seconds(30), now: server.clock.now()))
        _ = try await server.store.jobFinishMany([JobFinish(lease: claimed[0].lease!, outcome: .discard(error: "boom"))], now: server.clock.now())
        return inserted
    }

    @Test func jobsAreListedByStateQueueKindAndArguments() async throws {
        try await LiveServer.with { server in
            let ids = try await Self.seed(server)
            let viewer = try await server.token("look", .viewer)
            func listed(_ query: String) async throws -> [Int] {
                let reply = try await server.get("/jobs?\(query)", token: viewer)
                #expect(reply.status == 200, "\(query): \(reply.text)")
                return (reply.json["items"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? Int }
            }
            #expect(try await listed("args.account_id=42") == [Int(ids[2]), Int(ids[0])])
            #expect(try await listed("args.account_id=42&queue=imports") == [Int(ids[2])])
            #expect(try await listed("state=discarded,retryable") == [Int(ids[0])])
            #expect(try await listed("kind=sleep&limit=1").count == 1)
            #expect(try await listed("before=\(ids[1])") == [Int(ids[0])])
            let bad = try await server.get("/jobs?state=dead", token: viewer)
            #expect(bad.status == 400)
            #expect((bad.json["detail"] as? String)?.hasPrefix("parameter 'state': 'dead' is not one of") == true)
            #expect(try await server.get("/jobs?args.=1", token: viewer).status == 400)
            let count = try await server.get("/jobs/count?args.account_id=42", token: viewer)
            #expect(count.json["count"] as? Int == 2)

            let shown = try await server.get("/jobs/\(ids[0])", token: viewer)
            #expect(shown.json["state"] as? String == "discarded")
            #expect((shown.json["args"] as? [String: Any])?["account_id"] as? Int == 42)
            #expect((shown.json["errors"] as? [[String: Any]])?.first?["message"] as? String == "boom")
            #expect(try await server.get("/jobs/999", token: viewer).status == 404)
        }
    }

    @Test func anOperatorRetriesAndCancelsAudited() async throws {
        try await LiveServer.with { server in
            let ids = try await Self.seed(server)
            let ops = try await server.token("ops", .operator)
            #expect(try await server.send("POST", "/jobs/\(ids[0])/retry", token: try await server.token("look", .viewer)).status == 403)
            let retried = try await server.send("POST", "/jobs/\(ids[0])/retry", token: ops, headers: ["X-Request-Id": "retry-1"])
            #expect(retried.json["state"] as? String == "available", "\(retried.text)")
            let cancelled = try await server.send("POST", "/jobs/\(ids[1])/cancel", token: ops)
            #expect(cancelled.json["state"] as? String == "cancelled")
            let again = try await server.send("POST", "/jobs/\(ids[1])/cancel", token: ops)
            #expect(again.status == 409)
            #expect(again.json["code"] as? String == "invalid_transition")
            let audit = try await server.store.database.read { db in
                try Row.fetchAll(db, sql: "SELECT action, entity_id, request_id FROM audit_log WHERE entity = 'job' AND actor = 'token:ops' ORDER BY audit_id")
                    .map { "\($0[0] as String) \($0[1] as Int64) \(($0[2] as String?) ?? "-")" }
            }
            #expect(audit.count == 2)
            #expect(audit.first == "job.retried \(ids[0]) retry-1")
            #expect(audit.last?.hasPrefix("job.cancelled \(ids[1]) ") == true)
        }
    }

    @Test func aBulkCancelCountsFirstThenRunsAsAJob() async throws {
        try await LiveServer.with { server in
            let ids = try await Self.seed(server)
            let ops = try await server.token("ops", .operator)
            let empty = try await server.send("POST", "/jobs/bulk", token: ops, json: #"{"action": "cancel", "filter": {}}"#)
            #expect(empty.status == 422)
            let started = try await server.send("POST", "/jobs/bulk", token: ops,
                                                json: #"{"action": "cancel", "filter": {"queue": "imports", "args": {"account_id": "42"}}}"#)
            #expect(started.status == 202, "\(started.text)")
            #expect(started.json["count"] as? Int == 1)
            let bulkID = try #require(started.json["job_id"] as? Int)
            try await ImportFixtures.drain(server, queues: ["default"])
            #expect(try await server.store.jobGet(id: JobID(bulkID))?.state == .completed)
            #expect(try await server.store.jobGet(id: ids[2])?.state == .cancelled)
            #expect(try await server.store.jobGet(id: ids[1])?.state == .available)
            let actions = try await server.store.database.read { db in
                try String.fetchAll(db, sql: "SELECT action FROM audit_log WHERE entity = 'job' ORDER BY audit_id")
            }
            #expect(actions == ["jobs.bulk_cancel_requested", "job.cancelled"])
        }
    }
}
