import Foundation
import GRDB
@testable import StewardCRM
import StewardSQLite
import StewardTesting
import StewardWorkflows
import Testing

@Suite("Import dedupe lookups")
struct ImportDedupeIndexTests {
    /// The per-row dedupe lookup of contacts and leads searches an index, not the whole table.
    @Test(arguments: ["contacts", "leads"])
    func theDedupeLookupUsesAnIndex(target: String) async throws {
        try await SQLiteTestStore.with { test in
            let profile = try ImportFixtures.profile(yaml: """
                kind: import
                name: p
                target: \(target)
                columns:
                  email: { header: Email, type: email }
                dedupe_key: [email]
                """)
            let writer = ImportTargetWriter(profile: profile, today: "2026-01-01")
            let plan = try await test.store.database.read { db in
                try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + writer.findSQL, arguments: ["a@b.de"]).map { $0["detail"] as String }
            }
            #expect(plan.contains { $0.contains("INDEX \(target)_email_nocase") }, "\(plan)")
        }
    }
}
