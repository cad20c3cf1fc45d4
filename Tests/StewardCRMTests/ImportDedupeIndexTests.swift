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
        try await SQLiteTestStore.with(schema: CRMSchema.migrations) { test in
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

    /// With `on_duplicate: update`, a key twice in one file is reported rather than the second
    /// row updating what the first wrote, and an empty cell leaves the stored value alone.
    @Test func updateReportsInFileDuplicatesAndKeepsValuesOfEmptyCells() async throws {
        try await SQLiteTestStore.with(schema: CRMSchema.migrations) { test in
            var profile = try ImportFixtures.profile("prospecting-targets")
            profile.onDuplicate = .update
            let first = try ImportFixtures.write("Company,Contact,Email\nAcme,Ann,a@acme.de\n", to: test.directory, name: "1.csv")
            _ = try await ImportFixtures.run(first, profile: profile, store: test.store)
            let second = try ImportFixtures.write("Company,Contact,Email\nAcme Corp,,a@acme.de\nBeta,Bo,b@beta.de\nBeta Two,Bea,B@beta.de\n", to: test.directory, name: "2.csv")
            let record = try await ImportFixtures.run(second, profile: profile, store: test.store)
            #expect(record.counts == ImportRecord.Counts(processed: 3, created: 1, updated: 1, skipped: 0, failed: 1))
            let errors = try await test.store.importErrors(id: record.id)
            #expect(errors.map { "\($0.line) \($0.category.rawValue) \($0.message)" } == ["4 duplicate email 'b@beta.de' is also on line 3 of this file (merge the two rows)"])
            let rows = try await test.store.database.read { db in
                try Row.fetchAll(db, sql: "SELECT company_name, contact_name FROM prospecting_targets ORDER BY target_id").map { "\($0[0] as String)|\($0[1] as String)" }
            }
            #expect(rows == ["Acme Corp|Ann", "Beta|Bo"])
        }
    }
}
