import Foundation
import StewardApp
import StewardCore
import StewardHTTP
import StewardSQLite
import StewardTesting
import StewardWorkflows
import Testing

/// The served document and the router describe the same routes, method for method.
@Suite(.stewardDatabase)
struct OpenAPIDocumentTests {
    @Test func everyRouteIsDocumentedAndEveryDocumentedRouteExists() async throws {
        let store = try SQLiteDatabaseTrait.store().store
        let services = APIServices(store: store, clock: ManualClock(), workflows: WorkflowSet(), metricsText: { "" })
        let routed = Set(APIServer.routeList(services))
        try await LiveServer.with { server in
            let reply = try await server.get("/openapi.json")
            #expect(reply.status == 200)
            let document = reply.json
            #expect(document["openapi"] as? String == "3.1.0")
            let paths = try #require(document["paths"] as? [String: [String: Any]])
            let documented = Set(paths.flatMap { path, operations in
                operations.keys.filter { $0 != "parameters" }.map { "\($0.uppercased()) \(path)" }
            })
            #expect(routed.subtracting(documented).sorted() == [], "routes missing from the document")
            #expect(documented.subtracting(routed).sorted() == [], "documented routes the router does not have")
        }
    }

    @Test func everyOperationNamesItsResponsesAndEveryReferenceResolves() async throws {
        try await LiveServer.with { server in
            let reply = try await server.get("/openapi.json")
            let schemas = Set(((reply.json["components"] as? [String: Any])?["schemas"] as? [String: Any] ?? [:]).keys)
            let references = Set(reply.text.matches(of: /"\$ref"\s*:\s*"#\/components\/schemas\/([A-Za-z]+)"/).map { String($0.1) })
            #expect(!references.isEmpty)
            #expect(references.subtracting(schemas).sorted() == [], "references to schemas not defined")
            let paths = reply.json["paths"] as? [String: [String: Any]] ?? [:]
            for (path, operations) in paths {
                for (method, operation) in operations where method != "parameters" {
                    let responses = (operation as? [String: Any])?["responses"] as? [String: Any] ?? [:]
                    #expect(!responses.isEmpty, "\(method) \(path) has no responses")
                }
            }
        }
    }
}
