import Foundation
import GRDB
import StewardApp
import StewardCore
import StewardCRM
import StewardSQLite
import StewardTesting
import Testing

/// Cadences, enrollments, activities and account statuses over HTTP, on the demo CRM.
@Suite(.stewardDatabase)
struct CadenceRouteTests {
    static func loadDemoCRM(_ server: LiveServer) async throws {
        let sql = try String(contentsOf: WebhookReceiver.repositoryRoot().appendingPathComponent("Fixtures/crm/demo-crm.sql"), encoding: .utf8)
        try await CRMDemoData.load(sql: sql, into: server.store)
    }

    @Test func anOperatorEnrollsPausesResumesAndStopsAudited() async throws {
        try await LiveServer.with(workflows: try RepositoryWorkflows.load()) { server in
            try await Self.loadDemoCRM(server)
            let ops = try await server.token("ops", .operator)
            let cadences = try await server.get("/cadences", token: ops)
            #expect(cadences.array.contains { $0["name"] as? String == "lead-follow-up" && $0["steps"] as? Int == 5 }, "\(cadences.text)")
            let body = #"{"record_type": "account", "record_id": 1001, "on": "2026-01-05"}"#
            let enrolled = try await server.send("POST", "/cadences/lead-follow-up/enrollments", token: ops, json: body)
            #expect(enrolled.status == 201, "\(enrolled.text)")
            let id = try #require(enrolled.json["id"] as? Int)
            #expect(enrolled.json["status"] as? String == "Active")
            let twice = try await server.send("POST", "/cadences/lead-follow-up/enrollments", token: ops, json: body)
            #expect(twice.status == 200)
            #expect(twice.json["inserted"] as? Bool == false)
            let badType = try await server.send("POST", "/cadences/lead-follow-up/enrollments", token: ops, json: #"{"record_type": "planet", "record_id": 1}"#)
            #expect(badType.status == 422)
            #expect(try await server.send("POST", "/cadences/nope/enrollments", token: ops, json: body).status == 404)

            #expect(try await server.send("POST", "/enrollments/\(id)/pause", token: ops).json["status"] as? String == "Paused")
            #expect(try await server.send("POST", "/enrollments/\(id)/pause", token: ops).status == 409)
            #expect(try await server.send("POST", "/enrollments/\(id)/resume", token: ops).json["status"] as? String == "Active")
            let stopped = try await server.send("POST", "/enrollments/\(id)/stop", token: ops, json: #"{"reason": "customer asked"}"#)
            #expect(stopped.json["status"] as? String == "Stopped", "\(stopped.text)")
            #expect(stopped.json["stop_reason"] as? String == "customer asked")
            let listed = try await server.get("/cadences/lead-follow-up/enrollments", token: ops)
            #expect(listed.array.map { $0["id"] as? Int } == [id])
            let audit = try await server.store.database.read { db in
                try String.fetchAll(db, sql: "SELECT action FROM audit_log WHERE entity = 'cadence_enrollments' AND actor = 'token:ops' AND request_id IS NOT NULL ORDER BY audit_id")
            }
            #expect(audit.count == 4, "\(audit)")
        }
    }

    @Test func activitiesAreListedByOwnerAndDueDayAndAccountsByStatus() async throws {
        try await LiveServer.with(workflows: try RepositoryWorkflows.load()) { server in
            try await Self.loadDemoCRM(server)
            let ops = try await server.token("ops", .operator)
            let today = CRMDay(server.clock.now()).description
            let enrolled = try await server.send("POST", "/cadences/lead-follow-up/enrollments", token: ops,
                                                 json: #"{"record_type": "account", "record_id": 1001, "on": "\#(today)"}"#)
            let enrollment = try #require(enrolled.json["id"] as? Int)
            _ = try await CadenceService(store: server.store).generate([Int64(enrollment)], now: server.clock.now())
            let due = try await server.get("/activities?owner=anna&due=today", token: ops)
            #expect(due.status == 200, "\(due.text)")
            #expect(due.array.count == 1, "\(due.text)")
            #expect(due.array.first?["subject"] as? String == "First contact: Nordwind Logistik GmbH 1")
            #expect(try await server.get("/activities?owner=ben&due=today", token: ops).array.isEmpty)
            #expect(try await server.get("/activities?due=someday", token: ops).status == 400)
            #expect(try await server.get("/activities?time_zone=Mars/Olympus", token: ops).status == 422)

            #expect(try await server.get("/accounts/statuses", token: ops).status == 200)
            #expect(try await server.get("/accounts/1001/status", token: ops).json["company_name"] as? String == "Nordwind Logistik GmbH 1")
            #expect(try await server.get("/accounts/99999/status", token: ops).status == 404)
        }
    }
}
