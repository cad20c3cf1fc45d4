import Foundation
import GRDB
@testable import StewardCRM
import StewardCore
import StewardSQLite
import StewardTesting
import StewardWorkflows
import Testing

@Suite("Import job")
struct ImportJobTests {
    /// Every error category, each at the physical line its record starts on, with the record's
    /// bytes; the valid rows are imported.
    @Test func everyErrorCategoryIsRecordedAtItsLine() async throws {
        try await SQLiteTestStore.with(schema: CRMSchema.migrations) { test in
            try await ImportFixtures.seedAccounts(test.store)
            try await test.store.database.write { db in
                try db.execute(sql: """
                    CREATE TRIGGER refuse_contact BEFORE INSERT ON contacts WHEN NEW.last_name = 'Refused'
                    BEGIN SELECT RAISE(ABORT, 'contacts named Refused are refused'); END
                    """)
            }
            let record = try await ImportFixtures.run(ImportFixtures.file("contacts-with-errors.csv"), profile: try ImportFixtures.profile("contacts"), store: test.store)
            #expect(record.status == .completedWithErrors)
            #expect(record.counts == ImportRecord.Counts(processed: 9, created: 2, updated: 0, skipped: 0, failed: 7))
            let errors = try await test.store.importErrors(id: record.id)
            let summary = errors.map { "\($0.line) \($0.category.rawValue) \($0.field ?? "-")" }
            #expect(summary == [
                "3 validation email", "4 reference_not_found account_id", "5 duplicate email", "6 malformed_row -",
                "9 validation last_name", "9 validation created_at", "10 validation phone", "11 database_error -",
            ])
            #expect(String(decoding: errors[3].raw, as: UTF8.self) == "3,\"Dev \"\"DJ\"\"\",Patel,dev@brightline.io,+1 415 555 0132")
            #expect(errors[2].message.contains("email 'anna@nordwind.de' already belongs to contact_id 1"))
            #expect(errors[7].message.contains("contacts named Refused are refused"))
            let contacts = try await test.store.database.read { db in
                try Row.fetchAll(db, sql: "SELECT account_id, first_name, last_name, email, phone, created_at FROM contacts ORDER BY contact_id")
                    .map { "\($0[0] as Int64)|\($0[1] as String)|\($0[2] as String)|\($0[3] as String)|\(($0[4] as String?) ?? "")|\($0[5] as String)" }
            }
            #expect(contacts == ["1|Anna|Berger|anna@nordwind.de|+49301234567|2025-03-02", "3|Eva|Müller\nSchmidt|eva@kaltenbach.de|+49711987650|2025-12-31"])
        }
    }

    @Test func aBomCrlfFileWithQuotedLineBreaksImports() async throws {
        try await SQLiteTestStore.with(schema: CRMSchema.migrations) { test in
            let record = try await ImportFixtures.run(ImportFixtures.file("targets-bom-crlf.csv"), profile: try ImportFixtures.profile("prospecting-targets"), store: test.store)
            #expect(record.status == .completed)
            #expect(record.counts.created == 4)
            let names = try await companyNames(test.store)
            #expect(names == ["Nordwind Logistik GmbH", "Harbor & Sons, Ltd.", "Café Lumière\r\nSalon de thé", "Brightline Analytics"])
        }
    }

    @Test func semicolonsAndLatin1AreRead() async throws {
        try await SQLiteTestStore.with(schema: CRMSchema.migrations) { test in
            let profile = try ImportFixtures.profile("prospecting-targets")
            let semicolon = try await ImportFixtures.run(ImportFixtures.file("targets-semicolon.csv"), profile: profile, store: test.store)
            let latin1 = try await ImportFixtures.run(ImportFixtures.file("targets-latin1.csv"), profile: profile, store: test.store)
            #expect(semicolon.status == .completed && latin1.status == .completed)
            let names = try await companyNames(test.store)
            #expect(names == ["Nordwind Logistik GmbH", "Kaltenbach Maschinenbau AG", "Schmidt; Söhne KG", "Müller Bäckerei GmbH", "Straßenbau Weiß"])
            let phone = try await test.store.database.read { db in try String.fetchOne(db, sql: "SELECT phone FROM prospecting_targets WHERE company_name LIKE 'Stra%'") }
            #expect(phone == "+49309876543")
        }
    }

    @Test func latin1WithoutTheFallbackIsAValidationError() async throws {
        try await SQLiteTestStore.with(schema: CRMSchema.migrations) { test in
            var profile = try ImportFixtures.profile("prospecting-targets")
            profile.latin1Fallback = false
            let record = try await ImportFixtures.run(ImportFixtures.file("targets-latin1.csv"), profile: profile, store: test.store)
            let errors = try await test.store.importErrors(id: record.id)
            #expect(errors.map(\.line) == [2, 2, 3, 3])
            #expect(errors.first?.message == "company_name is not valid UTF-8 (save the file as UTF-8, or set latin1_fallback: true in the profile)")
        }
    }

    @Test func aMissingRequiredHeaderIsRefusedBeforeAnythingIsWritten() async throws {
        try await SQLiteTestStore.with(schema: CRMSchema.migrations) { test in
            let file = try ImportFixtures.write("Name,E-Mail\nAnna,anna@x.de\n", to: test.directory)
            let error = await #expect(throws: StewardError.self) {
                try await ImportService(store: test.store).submit(file: file, profile: try ImportFixtures.profile("prospecting-targets"), createdBy: nil)
            }
            #expect(error?.message == "in.csv: line 1: missing required column 'Company' (or 'company name', 'firma', 'organisation')")
            #expect(error?.fix?.contains("'Name', 'E-Mail'") == true)
            #expect(try await test.store.importList(limit: 10).isEmpty)
            let stored = ImportFiles.directory(forDatabase: test.path)
            #expect(((try? FileManager.default.contentsOfDirectory(atPath: stored.path)) ?? []).isEmpty)
        }
    }

    /// A header the job cannot use (the file changed under a registered import) fails the import
    /// with `import.failed`.
    @Test func aBadHeaderAtRunTimeFailsTheImport() async throws {
        try await SQLiteTestStore.with(schema: CRMSchema.migrations) { test in
            let file = try ImportFixtures.write("Company\nAcme\n", to: test.directory)
            let record = try await ImportService(store: test.store).submit(file: file, profile: try ImportFixtures.profile("prospecting-targets"), createdBy: nil)
            try Data([0xFF, 0xFE, 0x41, 0x00]).write(to: URL(fileURLWithPath: record.storedPath))
            await #expect(throws: JobPermanentError.self) { try await ImportRunner(store: test.store, logger: ImportFixtures.logger).run(record.id) }
            let failed = try await test.store.importGet(id: record.id)
            #expect(failed.status == .failed)
            #expect(failed.error?.contains("the file is UTF-16") == true)
            let events = try await test.store.eventList(limit: 5).map(\.0.name)
            #expect(events == ["import.failed"])
        }
    }

    @Test func duplicatesAreSkippedOrUpdatedByTheDedupeKey() async throws {
        try await SQLiteTestStore.with(schema: CRMSchema.migrations) { test in
            var profile = try ImportFixtures.profile("prospecting-targets")
            let first = try ImportFixtures.write("Company,Email\nAcme,a@acme.de\nBeta,b@beta.de\nAcme again,A@ACME.DE\n", to: test.directory, name: "1.csv")
            let skipped = try await ImportFixtures.run(first, profile: profile, store: test.store)
            #expect(skipped.counts == ImportRecord.Counts(processed: 3, created: 2, updated: 0, skipped: 1, failed: 0), "in-file duplicate skipped")
            profile.onDuplicate = .update
            let second = try ImportFixtures.write("Company,Email\nAcme Corp,a@acme.de\nGamma,\n", to: test.directory, name: "2.csv")
            let updated = try await ImportFixtures.run(second, profile: profile, store: test.store)
            #expect(updated.counts == ImportRecord.Counts(processed: 2, created: 1, updated: 1, skipped: 0, failed: 0))
            #expect(try await companyNames(test.store) == ["Acme Corp", "Beta", "Gamma"])
        }
    }

    /// A large batch has its rules applied in two halves at once; rows keep the file's order and
    /// each error its line.
    @Test func aLargeBatchKeepsRowsInOrderAndErrorsAtTheirLines() async throws {
        try await SQLiteTestStore.with(schema: CRMSchema.migrations) { test in
            let rows = (1...2500).map { "Company \($0),\($0 % 100 == 0 ? "bad-\($0)" : "c\($0)@example.com")" }.joined(separator: "\n")
            let file = try ImportFixtures.write("Company,Email\n\(rows)\n", to: test.directory)
            let record = try await ImportFixtures.run(file, profile: try ImportFixtures.profile("prospecting-targets"), store: test.store, batchSize: 5000)
            #expect(record.counts == ImportRecord.Counts(processed: 2500, created: 2475, updated: 0, skipped: 0, failed: 25))
            let names = try await companyNames(test.store)
            #expect(names == (1...2500).filter { $0 % 100 != 0 }.map { "Company \($0)" })
            #expect(try await test.store.importErrors(id: record.id).map(\.line) == (1...25).map { $0 * 100 + 1 })
        }
    }

    /// The batch that sees a cancel request stops the import; rows committed before it stay.
    @Test func cancelStopsAtTheNextBatchKeepingCommittedRows() async throws {
        try await SQLiteTestStore.with(schema: CRMSchema.migrations) { test in
            let rows = (1...10).map { "Company \($0),c\($0)@example.com" }.joined(separator: "\n")
            let file = try ImportFixtures.write("Company,Email\n\(rows)\n", to: test.directory)
            let service = ImportService(store: test.store)
            let record = try await service.submit(file: file, profile: try ImportFixtures.profile("prospecting-targets"), createdBy: nil)
            let loaded = try #require(try await ImportSessionLoader.begin(record.id, jobID: nil, store: test.store, now: Date()))
            let (source, session) = try await ImportSessionLoader.open(loaded, store: test.store, now: Date())
            let batches = [try await source.next(size: 3), try await source.next(size: 3)]
            let first = try await test.store.database.write { db in try session.write(batches[0], db: db, now: Date()) { _, _ in } }
            #expect(first == .more)
            try await test.store.database.write { db in  // a worker holds the job's lease
                try db.execute(sql: "UPDATE jobs SET state = 'running', lease_expires_at = ? WHERE id = ?",
                               arguments: [Date().timeIntervalSince1970 + 600, record.jobID])
            }
            #expect(try await service.cancel(id: record.id).status == .processing, "a running import is asked to stop")
            let second = try await test.store.database.write { db in try session.write(batches[1], db: db, now: Date()) { _, _ in } }
            #expect(second == .cancelled)
            let cancelled = try await test.store.importGet(id: record.id)
            #expect(cancelled.status == .cancelled)
            #expect(cancelled.counts.created == 3)
            #expect(cancelled.checkpointLine == 5, "the checkpoint stays after the last batch written")
            #expect(try await companyNames(test.store).count == 3)
            await #expect(throws: StewardError.self) { try await service.cancel(id: record.id) }
        }
    }

    /// A worker that lost its lease but still runs cannot write a batch the rescued job wrote.
    @Test func aSecondWorkerOnTheSameCheckpointStopsInsteadOfWritingTwice() async throws {
        try await SQLiteTestStore.with(schema: CRMSchema.migrations) { test in
            let rows = (1...6).map { "Company \($0),c\($0)@example.com" }.joined(separator: "\n")
            let file = try ImportFixtures.write("Company,Email\n\(rows)\n", to: test.directory)
            let record = try await ImportService(store: test.store).submit(file: file, profile: try ImportFixtures.profile("prospecting-targets"), createdBy: nil)
            let loaded = try #require(try await ImportSessionLoader.begin(record.id, jobID: nil, store: test.store, now: Date()))
            let (oldSource, oldSession) = try await ImportSessionLoader.open(loaded, store: test.store, now: Date())
            let (newSource, newSession) = try await ImportSessionLoader.open(loaded, store: test.store, now: Date())
            let newBatch = try await newSource.next(size: 3)
            #expect(try await test.store.database.write { db in try newSession.write(newBatch, db: db, now: Date()) { _, _ in } } == .more)
            let oldBatch = try await oldSource.next(size: 3)
            await #expect(throws: StewardError.self) {
                try await test.store.database.write { db in try oldSession.write(oldBatch, db: db, now: Date()) { _, _ in } }
            }
            #expect(try await companyNames(test.store) == ["Company 1", "Company 2", "Company 3"])
        }
    }

    @Test func anImportWhoseJobWasGivenUpOnIsCancelledAtOnce() async throws {
        try await SQLiteTestStore.with(schema: CRMSchema.migrations) { test in
            let file = try ImportFixtures.write("Company\nAcme\n", to: test.directory)
            let service = ImportService(store: test.store)
            let record = try await service.submit(file: file, profile: try ImportFixtures.profile("prospecting-targets"), createdBy: nil)
            _ = try await ImportSessionLoader.begin(record.id, jobID: nil, store: test.store, now: Date())
            _ = try await test.store.jobCancel(id: try #require(record.jobID), now: Date())
            #expect(try await service.cancel(id: record.id).status == .cancelled)
        }
    }

    @Test func aPendingImportIsCancelledAtOnce() async throws {
        try await SQLiteTestStore.with(schema: CRMSchema.migrations) { test in
            let file = try ImportFixtures.write("Company\nAcme\n", to: test.directory)
            let service = ImportService(store: test.store)
            let record = try await service.submit(file: file, profile: try ImportFixtures.profile("prospecting-targets"), createdBy: nil)
            #expect(try await service.cancel(id: record.id).status == .cancelled)
            #expect(try await test.store.jobGet(id: try #require(record.jobID))?.state == .cancelled)
            try await ImportRunner(store: test.store, logger: ImportFixtures.logger).run(record.id)
            #expect(try await companyNames(test.store).isEmpty, "a job that runs anyway does nothing")
        }
    }

    @Test func theCompletedEventCarriesTheCounts() async throws {
        try await SQLiteTestStore.with(schema: CRMSchema.migrations) { test in
            let record = try await ImportFixtures.run(ImportFixtures.file("targets-with-errors.csv"), profile: try ImportFixtures.profile("prospecting-targets"), store: test.store, batchSize: 2)
            let event = try #require(try await test.store.eventList(limit: 5).first?.0)
            #expect(event.name == "import.completed")
            let payload = try #require(try JSONSerialization.jsonObject(with: Data(event.payload.utf8)) as? [String: Any])
            #expect(payload["import"] as? Int == Int(record.id))
            #expect(payload["status"] as? String == "completed_with_errors")
            #expect(payload["rows"] as? Int == 6 && payload["created"] as? Int == 1 && payload["skipped"] as? Int == 1 && payload["failed"] as? Int == 4)
        }
    }

    func companyNames(_ store: SQLiteJobStore) async throws -> [String] {
        try await store.database.read { db in try String.fetchAll(db, sql: "SELECT company_name FROM prospecting_targets ORDER BY target_id") }
    }
}
