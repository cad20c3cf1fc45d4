import Foundation
import GRDB
import StewardApp
import StewardCore
import StewardSQLite
import StewardTesting
import Testing

/// Imports over HTTP, from the upload to the fixed rows, on a real server.
@Suite(.stewardDatabase)
struct ImportRouteTests {
    let csv = try! ImportFixtures.data("targets-with-errors.csv")

    @Test func anUploadIsImportedAndItsFailedRowsAreReadFixedAndRetried() async throws {
        try await LiveServer.with(workflows: try ImportFixtures.workflows()) { server in
            let ops = try await server.token("crm-web", .operator)
            let upload = try await server.send("POST", "/imports?profile=prospecting-targets&file_name=targets.csv", token: ops, body: csv,
                                               headers: ["Content-Type": "text/csv", "X-Request-Id": "upload-1"])
            #expect(upload.status == 202, "\(upload.text)")
            let id = try #require(upload.json["import_id"] as? Int)
            #expect(upload.header("Location") == "/imports/\(id)")
            #expect(upload.json["job_id"] as? Int != nil)
            #expect((upload.json["import"] as? [String: Any])?["status"] as? String == "pending")
            try await ImportFixtures.drain(server)

            let viewer = try await server.token("look", .viewer)
            let shown = try await server.get("/imports/\(id)", token: viewer)
            #expect(shown.json["status"] as? String == "completed_with_errors")
            #expect(shown.json["sha256"] as? String == "ff9a902d2f5fc8247752cd2d648d6e9a156b3b48a56d37cfddb83b7b2793518f")
            #expect((shown.json["counts"] as? [String: Int])?["failed"] == 4)
            #expect(shown.json["success_rate"] as? Double == 0.3333)
            #expect(shown.json["stored_path"] == nil)
            let counts = shown.json["error_counts"] as? [[String: Any]] ?? []
            #expect(counts.reduce(0) { $0 + ($1["total"] as? Int ?? 0) } >= 4)

            let page = try await server.get("/imports/\(id)/errors?limit=2", token: viewer)
            let items = page.json["items"] as? [[String: Any]] ?? []
            #expect(items.count == 2)
            let after = try #require(page.json["next_after"] as? Int)
            let rest = try await server.get("/imports/\(id)/errors?after=\(after)", token: viewer)
            let all = items + (rest.json["items"] as? [[String: Any]] ?? [])
            #expect(all.compactMap { $0["line"] as? Int }.sorted() == all.compactMap { $0["line"] as? Int }.sorted())
            #expect(rest.json["next_after"] is NSNull || rest.json["next_after"] == nil)
            let duplicates = try await server.get("/imports/\(id)/errors?category=duplicate", token: viewer)
            #expect((duplicates.json["items"] as? [[String: Any]] ?? []).allSatisfy { $0["category"] as? String == "duplicate" })

            let report = try await server.send("GET", "/imports/\(id)/errors", token: viewer, headers: ["Accept": "text/csv"])
            #expect(report.header("Content-Type")?.hasPrefix("text/csv") == true)
            #expect(report.text.hasPrefix("__line,__error_code,__error_field,__error_message,Company,Contact,Email,Phone,Website"), "\(report.text)")
            #expect(report.text.contains("ben@harbor"))

            // One row fixed by hand leaves the report; the retry imports a corrected report.
            let harbor = try #require(all.first { ($0["record"] as? String)?.contains("ben@harbor") == true })
            let missingCompany = try #require(all.first { ($0["record"] as? String)?.contains("Missing Company") == true })
            let dismissed = try await server.send("PATCH", "/import-errors/\(missingCompany["id"] as! Int)", token: ops,
                                                  json: #"{"resolution": "dismissed", "note": "test row"}"#)
            #expect(dismissed.status == 200, "\(dismissed.text)")
            #expect(dismissed.json["resolution"] as? String == "dismissed")
            let again = try await server.send("PATCH", "/import-errors/\(missingCompany["id"] as! Int)", token: ops, json: #"{"resolution": "resolved"}"#)
            #expect(again.status == 409)
            let shorter = try await server.send("GET", "/imports/\(id)/errors", token: viewer, headers: ["Accept": "text/csv"])
            #expect(!shorter.text.contains("Missing Company") && shorter.text.contains("ben@harbor"))

            let corrected = Data(shorter.text.replacingOccurrences(of: ",ben@harbor,", with: ",ben@harbor.co.uk,").utf8)
            let retry = try await server.send("POST", "/imports/\(id)/retry", token: ops, body: corrected, headers: ["Content-Type": "text/csv"])
            #expect(retry.status == 202, "\(retry.text)")
            let retryID = try #require(retry.json["import_id"] as? Int)
            try await ImportFixtures.drain(server)
            let retried = try await server.get("/imports/\(retryID)", token: viewer)
            #expect(retried.json["parent_import_id"] as? Int == id)
            #expect((retried.json["counts"] as? [String: Int])?["created"] == 1, "\(retried.text)")
            let harborNow = try await server.get("/imports/\(id)/errors?include_resolved=true", token: viewer)
            let harborRow = (harborNow.json["items"] as? [[String: Any]] ?? []).first { $0["id"] as? Int == harbor["id"] as? Int }
            #expect(harborRow?["resolution"] as? String == "retried")

            // The counts the page shows are kept by triggers: they match a count of the rows.
            let shownCounts = try await server.get("/imports/\(id)", token: viewer).json["error_counts"] as? [[String: Any]] ?? []
            let counted = try await server.store.database.read { db in
                try Row.fetchAll(db, sql: "SELECT category, count(*), sum(resolved = 0) FROM import_errors WHERE import_id = ? GROUP BY category ORDER BY category",
                                 arguments: [id]).map { "\($0[0] as String) \($0[1] as Int) \($0[2] as Int)" }
            }
            #expect(shownCounts.map { "\($0["category"] ?? "") \($0["total"] ?? "") \($0["unresolved"] ?? "")" } == counted)
            #expect(counted.contains { $0.hasSuffix(" 2") || $0.hasSuffix(" 1") || $0.hasSuffix(" 0") })
            let audit = try await server.store.database.read { db in
                try Row.fetchAll(db, sql: "SELECT action, actor, request_id FROM audit_log WHERE entity IN ('import', 'import_error') ORDER BY audit_id")
                    .map { "\($0[0] as String) \($0[1] as String) \(($0[2] as String?) ?? "-")" }
            }
            #expect(audit.count == 3)
            #expect(audit.first == "import.submitted token:crm-web upload-1")
            #expect(audit[1].hasPrefix("import_error.dismissed token:crm-web "))
            #expect(audit[2].hasPrefix("import.retried token:crm-web "))
        }
    }

    @Test func theSameIdempotencyKeyReturnsTheSameImport() async throws {
        try await LiveServer.with(workflows: try ImportFixtures.workflows()) { server in
            let ops = try await server.token("crm-web", .operator)
            let headers = ["Idempotency-Key": "7f1c-upload"]
            let first = try await server.send("POST", "/imports?profile=prospecting-targets", token: ops, body: csv, headers: headers)
            #expect(first.status == 202)
            let second = try await server.send("POST", "/imports?profile=prospecting-targets", token: ops, body: csv, headers: headers)
            #expect(second.status == 200)
            #expect(second.header("Idempotent-Replayed") == "true")
            #expect(second.json["import_id"] as? Int == first.json["import_id"] as? Int)
            #expect(ImportFixtures.storedFiles(server).count == 1)
            let other = try await server.send("POST", "/imports?profile=contacts", token: ops, body: csv, headers: headers)
            #expect(other.status == 409)
            #expect(other.json["code"] as? String == "idempotency_key_reused")
            // Keys belong to their token: another token's same key is a new import.
            let admin = try await server.token("root", .admin)
            let third = try await server.send("POST", "/imports?profile=prospecting-targets", token: admin, body: csv, headers: headers)
            #expect(third.status == 202)
            let bad = try await server.send("POST", "/imports?profile=prospecting-targets", token: ops, body: csv, headers: ["Idempotency-Key": "has space"])
            #expect(bad.status == 400)
            #expect(bad.json["detail"] as? String == "parameter 'Idempotency-Key': must be 1 to 255 visible ASCII characters")
        }
    }

    @Test func refusedUploadsLeaveNoImportAndNoFile() async throws {
        try await LiveServer.with(workflows: try ImportFixtures.workflows(), maxUploadBytes: 300) { server in
            let ops = try await server.token("crm-web", .operator)
            let tooLarge = try await server.send("POST", "/imports?profile=prospecting-targets", token: ops, body: csv)
            #expect(tooLarge.status == 413)
            #expect((tooLarge.json["detail"] as? String)?.contains("limit") == true)
            let noProfile = try await server.send("POST", "/imports", token: ops, body: Data("a,b\n".utf8))
            #expect(noProfile.status == 400)
            #expect(noProfile.json["detail"] as? String == "parameter 'profile': is required")
            let unknown = try await server.send("POST", "/imports?profile=nope", token: ops, body: Data("a,b\n".utf8))
            #expect(unknown.status == 422)
            #expect((unknown.json["detail"] as? String)?.contains("no import profile named 'nope'") == true)
            let binary = try await server.send("POST", "/imports?profile=prospecting-targets", token: ops, body: Data([0, 1, 2, 0, 255, 0]))
            #expect(binary.status == 422, "\(binary.text)")
            let empty = try await server.send("POST", "/imports?profile=prospecting-targets", token: ops, body: Data())
            #expect(empty.json["code"] as? String == "empty_body")
            let wrongHeader = try await server.send("POST", "/imports?profile=prospecting-targets", token: ops, body: Data("x,y\n1,2\n".utf8))
            #expect(wrongHeader.status == 422, "\(wrongHeader.text)")
            let viewer = try await server.token("look", .viewer)
            #expect(try await server.send("POST", "/imports?profile=prospecting-targets", token: viewer, body: Data("x\n".utf8)).status == 403)
            let listed = try await server.get("/imports", token: ops)
            #expect((listed.json["items"] as? [Any])?.isEmpty == true)
            #expect(ImportFixtures.storedFiles(server).isEmpty)
        }
    }

    @Test func importsAreListedByStatusAndCancelled() async throws {
        try await LiveServer.with(workflows: try ImportFixtures.workflows()) { server in
            let ops = try await server.token("crm-web", .operator)
            var ids: [Int] = []
            for _ in 0..<3 {
                let upload = try await server.send("POST", "/imports?profile=prospecting-targets", token: ops, body: csv)
                ids.append(try #require(upload.json["import_id"] as? Int))
            }
            let cancelled = try await server.send("POST", "/imports/\(ids[0])/cancel", token: ops)
            #expect(cancelled.json["status"] as? String == "cancelled", "\(cancelled.text)")
            #expect(try await server.send("POST", "/imports/\(ids[0])/cancel", token: ops).status == 409)
            let pending = try await server.get("/imports?status=pending&limit=1", token: ops)
            #expect((pending.json["items"] as? [[String: Any]])?.map { $0["id"] as? Int } == [ids[2]])
            #expect(pending.json["next_before"] as? Int == ids[2])
            let next = try await server.get("/imports?status=pending&limit=1&before=\(ids[2])", token: ops)
            #expect((next.json["items"] as? [[String: Any]])?.map { $0["id"] as? Int } == [ids[1]])
            #expect(try await server.get("/imports?status=done", token: ops).status == 400)
            #expect(try await server.get("/imports/999", token: ops).status == 404)
            #expect(try await server.get("/imports/abc", token: ops).json["detail"] as? String == "parameter 'id': 'abc' is not an id (a positive whole number)")
            #expect(try await server.send("PATCH", "/import-errors/999", token: ops, json: #"{"resolution": "resolved"}"#).status == 404)
        }
    }

    @Test func twentyUploadsAtOnceEachBecomeOneImport() async throws {
        try await LiveServer.with(workflows: try ImportFixtures.workflows()) { server in
            let ops = try await server.token("crm-web", .operator)
            let csv = self.csv
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for n in 0..<20 {
                    group.addTask {
                        try await server.send("POST", "/imports?profile=prospecting-targets&file_name=part-\(n).csv", token: ops, body: csv).status
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses == Array(repeating: 202, count: 20))
            #expect(ImportFixtures.storedFiles(server).count == 20)
            let listed = try await server.get("/imports?limit=50", token: ops)
            #expect(Set((listed.json["items"] as? [[String: Any]] ?? []).compactMap { $0["file_name"] as? String }).count == 20)
        }
    }
}

/// Uploads from a browser's form: the `file` part of multipart/form-data, streamed.
@Suite(.stewardDatabase)
struct MultipartUploadTests {
    static func form(_ parts: [(name: String, fileName: String?, data: Data)], boundary: String = "----steward-test-7MA4YWxkTrZu0gW") -> Data {
        var body = Data()
        for part in parts {
            body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(part.name)\"".utf8)
            if let fileName = part.fileName { body += Data("; filename=\"\(fileName)\"\r\nContent-Type: text/csv".utf8) }
            body += Data("\r\n\r\n".utf8) + part.data + Data("\r\n".utf8)
        }
        return body + Data("--\(boundary)--\r\n".utf8)
    }

    static let contentType = "multipart/form-data; boundary=----steward-test-7MA4YWxkTrZu0gW"

    @Test func theFilePartIsImportedByteForByteUnderItsOwnName() async throws {
        try await LiveServer.with(workflows: try ImportFixtures.workflows()) { server in
            let ops = try await server.token("ops", .operator)
            // Several network chunks' worth, so the part crosses chunk boundaries.
            var csv = try ImportFixtures.data("targets-good.csv")
            let rows = String(decoding: csv, as: UTF8.self).split(separator: "\n").dropFirst().map { $0 + "\n" }.joined()
            for n in 0..<20_000 { csv += Data(rows.replacingOccurrences(of: "@", with: "\(n)@").utf8) }
            let upload = try await server.send("POST", "/imports?profile=prospecting-targets", token: ops,
                                               body: Self.form([(name: "file", fileName: "fair-list.csv", data: csv)]),
                                               headers: ["Content-Type": Self.contentType])
            #expect(upload.status == 202, "\(upload.text)")
            let record = upload.json["import"] as? [String: Any]
            #expect(record?["file_name"] as? String == "fair-list.csv")
            #expect(record?["size"] as? Int == csv.count)
            let stored = try #require(ImportFixtures.storedFiles(server).first)
            #expect(try Data(contentsOf: URL(fileURLWithPath: server.store.path + ".imports/" + stored)) == csv)
        }
    }

    @Test func aFormWithoutAFilePartOrWithAnUnknownFieldIsRefused() async throws {
        try await LiveServer.with(workflows: try ImportFixtures.workflows()) { server in
            let ops = try await server.token("ops", .operator)
            let csv = try ImportFixtures.data("targets-good.csv")
            let misnamed = try await server.send("POST", "/imports?profile=prospecting-targets", token: ops,
                                                 body: Self.form([(name: "upload", fileName: "a.csv", data: csv)]), headers: ["Content-Type": Self.contentType])
            #expect(misnamed.status == 400)
            #expect(misnamed.json["detail"] as? String == "parameter 'form field 'upload'': is not known here")
            let empty = try await server.send("POST", "/imports?profile=prospecting-targets", token: ops,
                                              body: Self.form([(name: "file", fileName: "a.csv", data: Data())]), headers: ["Content-Type": Self.contentType])
            #expect(empty.status == 422)
            #expect(empty.json["code"] as? String == "empty_body")
            let noBoundary = try await server.send("POST", "/imports?profile=prospecting-targets", token: ops, body: csv,
                                                   headers: ["Content-Type": "multipart/form-data"])
            #expect(noBoundary.status == 400)
            #expect(ImportFixtures.storedFiles(server).isEmpty)
        }
    }
}
