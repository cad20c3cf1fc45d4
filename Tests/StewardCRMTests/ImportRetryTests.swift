import Foundation
import GRDB
@testable import StewardCRM
import StewardCore
import StewardSQLite
import StewardTesting
import StewardWorkflows
import Testing

/// The error report as CSV, and retries: from the stored records, or from the report corrected
/// by hand.
@Suite("Import retry")
struct ImportRetryTests {
    let profile = """
        kind: import
        name: targets
        target: prospecting_targets
        columns:
          company_name: { header: Company, required: true }
          email: { header: Email, type: email }
        dedupe_key: [email]
        """

    let original = "Company;Email\r\nAcme;a@acme.de\r\n;nobody@x.de\r\n\"Beta\r\nGmbH\";b(at)beta.de\r\nGamma;g@gamma.de;extra\r\n"

    @Test func theReportIsTheHeaderPlusEachFailedRecordByteForByte() async throws {
        try await SQLiteTestStore.with(schema: CRMSchema.migrations) { test in
            let file = try ImportFixtures.write(original, to: test.directory)
            let record = try await ImportFixtures.run(file, profile: try ImportFixtures.profile(yaml: profile), store: test.store)
            let report = String(decoding: try ImportService(store: test.store).errorReport(id: record.id), as: UTF8.self)
            #expect(report == """
                __line;__error_code;__error_field;__error_message;Company;Email\r
                3;validation;company_name;company_name is required but empty;;nobody@x.de\r
                4;validation;email;email 'b(at)beta.de' is not a valid email address;"Beta\r
                GmbH";b(at)beta.de\r
                6;malformed_row;;the row has 3 fields but the header has 2 (a missing or extra delimiter, or an unquoted semicolon inside a value?);Gamma;g@gamma.de;extra\r

                """)
        }
    }

    /// Retrying unchanged records fails them again, at their original lines; nothing is resolved.
    @Test func aRetryFromStoredRecordsKeepsTheOriginalLines() async throws {
        try await SQLiteTestStore.with(schema: CRMSchema.migrations) { test in
            let file = try ImportFixtures.write(original, to: test.directory)
            let first = try await ImportFixtures.run(file, profile: try ImportFixtures.profile(yaml: profile), store: test.store)
            let service = ImportService(store: test.store)
            let retry = try await service.retry(id: first.id, correctedFile: nil, createdBy: "test")
            try await ImportRunner(store: test.store, logger: ImportFixtures.logger).run(retry.id)
            let done = try await test.store.importGet(id: retry.id)
            #expect(done.parentID == first.id)
            #expect(done.counts == ImportRecord.Counts(processed: 3, created: 0, updated: 0, skipped: 0, failed: 3))
            #expect(try await test.store.importErrors(id: retry.id).map(\.line) == [3, 4, 6])
            let again = String(decoding: try service.errorReport(id: retry.id), as: UTF8.self)
            let before = String(decoding: try service.errorReport(id: first.id), as: UTF8.self)
            #expect(again == before, "the report round-trips unchanged")
        }
    }

    /// The report, corrected in place and imported as is: fixed rows are imported and their
    /// errors resolved; a row still wrong stays unresolved; rows that never failed are ignored.
    @Test func aCorrectedReportResolvesTheRowsItFixes() async throws {
        try await SQLiteTestStore.with(schema: CRMSchema.migrations) { test in
            let file = try ImportFixtures.write(original, to: test.directory)
            let first = try await ImportFixtures.run(file, profile: try ImportFixtures.profile(yaml: profile), store: test.store)
            let service = ImportService(store: test.store)
            var report = String(decoding: try service.errorReport(id: first.id), as: UTF8.self)
            report = report.replacingOccurrences(of: ";;nobody@x.de", with: ";Nobody Ltd;nobody@x.de")
                .replacingOccurrences(of: "b(at)beta.de\r\n", with: "b@beta.de\r\n")
                + "2;;;;Acme;a@acme.de\r\n"
            let corrected = try ImportFixtures.write(report, to: test.directory, name: "corrected.csv")
            let retry = try await service.retry(id: first.id, correctedFile: corrected, createdBy: "test")
            try await ImportRunner(store: test.store, logger: ImportFixtures.logger).run(retry.id)

            let done = try await test.store.importGet(id: retry.id)
            #expect(done.counts == ImportRecord.Counts(processed: 4, created: 2, updated: 0, skipped: 1, failed: 1))
            let errors = try await test.store.importErrors(id: first.id)
            #expect(errors.map { "\($0.line):\($0.resolved)" } == ["3:true", "4:true", "6:false"])
            let names = try await test.store.database.read { db in try String.fetchAll(db, sql: "SELECT company_name FROM prospecting_targets ORDER BY target_id") }
            #expect(names == ["Acme", "Nobody Ltd", "Beta\r\nGmbH"])
            let stillFailing = try await test.store.importErrors(id: retry.id)
            #expect(stillFailing.map(\.line) == [6])
            #expect(String(decoding: stillFailing[0].raw, as: UTF8.self) == "Gamma;g@gamma.de;extra", "the __ columns are not part of the stored record")

            let again = try await service.retry(id: retry.id, correctedFile: nil, createdBy: "test")
            #expect(again.parentID == retry.id)
            let nothingLeft = try ImportFixtures.write("__line;Company;Email\r\n6;Gamma;g@gamma.de\r\n", to: test.directory, name: "fix.csv")
            let refused = await #expect(throws: StewardError.self) { try await service.retry(id: retry.id, correctedFile: nothingLeft, createdBy: nil) }
            #expect(refused?.message == "import \(retry.id) already has retry \(again.id) under way", "one retry of an import at a time")
            _ = try await service.cancel(id: again.id)
            let last = try await service.retry(id: retry.id, correctedFile: nothingLeft, createdBy: "test")
            try await ImportRunner(store: test.store, logger: ImportFixtures.logger).run(last.id)
            #expect(try await test.store.importErrors(id: first.id, unresolvedOnly: true).isEmpty, "resolving a retry's error resolves the original's too")
            await #expect(throws: StewardError.self) { try await service.retry(id: first.id, correctedFile: nil, createdBy: nil) }
        }
    }

    @Test func aCorrectedFileWithoutLineNumbersIsRefused() async throws {
        try await SQLiteTestStore.with(schema: CRMSchema.migrations) { test in
            let file = try ImportFixtures.write(original, to: test.directory)
            let first = try await ImportFixtures.run(file, profile: try ImportFixtures.profile(yaml: profile), store: test.store)
            let plain = try ImportFixtures.write("Company;Email\r\nX;x@x.de\r\n", to: test.directory, name: "plain.csv")
            let error = await #expect(throws: StewardError.self) {
                try await ImportService(store: test.store).retry(id: first.id, correctedFile: plain, createdBy: nil)
            }
            #expect(error?.message.contains("plain.csv: line 1: no __line column") == true)
        }
    }
}

/// A record with a quote that is never closed keeps the error report readable, and survives
/// retries byte for byte.
@Suite("Import retry of an unclosed quote")
struct ImportRetryUnclosedQuoteTests {
    @Test func theReportWrapsTheRecordAndARetryUnwrapsIt() async throws {
        try await SQLiteTestStore.with(schema: CRMSchema.migrations) { test in
            let file = try ImportFixtures.write("Company,Email\n\"Acme,a@acme.de\nBeta,b@beta.de\n", to: test.directory)
            let profile = try ImportFixtures.profile("prospecting-targets")
            let first = try await ImportFixtures.run(file, profile: profile, store: test.store)
            #expect(first.counts.created == 1 && first.counts.failed == 1)
            let service = ImportService(store: test.store)
            let report = String(decoding: try service.errorReport(id: first.id), as: UTF8.self)
            #expect(report.hasSuffix("Email\r\n2,malformed_row,,a quoted field is never closed,\"\"\"Acme,a@acme.de\"\r\n"), "\(report)")
            let retry = try await service.retry(id: first.id, correctedFile: nil, createdBy: "test")
            try await ImportRunner(store: test.store, logger: ImportFixtures.logger).run(retry.id)
            let errors = try await test.store.importErrors(id: retry.id)
            #expect(errors.map { "\($0.line) \($0.category.rawValue) \($0.message)" } == ["2 malformed_row a quoted field is never closed"])
            #expect(errors.first.map { String(decoding: $0.raw, as: UTF8.self) } == "\"Acme,a@acme.de")
            #expect(String(decoding: try service.errorReport(id: retry.id), as: UTF8.self) == report)
        }
    }
}

/// In a corrected file, only a row's `__line` ties it to a failed row of the original.
@Suite("Import retry line numbers")
struct ImportRetryLineTests {
    @Test func aRowWithoutAUsableLineNumberIsMalformed() async throws {
        try await SQLiteTestStore.with(schema: CRMSchema.migrations) { test in
            let file = try ImportFixtures.write("Company,Email\nAcme,bad\nBeta,also-bad\n", to: test.directory)
            let first = try await ImportFixtures.run(file, profile: try ImportFixtures.profile("prospecting-targets"), store: test.store)
            let corrected = try ImportFixtures.write("__line,Company,Email\n,Acme,a@acme.de\nthree,Beta,b@beta.de\n", to: test.directory, name: "fix.csv")
            let retry = try await ImportService(store: test.store).retry(id: first.id, correctedFile: corrected, createdBy: nil)
            try await ImportRunner(store: test.store, logger: ImportFixtures.logger).run(retry.id)
            let errors = try await test.store.importErrors(id: retry.id)
            #expect(errors.map { "\($0.line) \($0.category.rawValue) \($0.field ?? "-")" } == ["2 malformed_row __line", "3 malformed_row __line"])
            #expect(try await test.store.importErrors(id: first.id, unresolvedOnly: true).count == 2, "nothing resolved by a guess")
            let count = try await test.store.database.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM prospecting_targets") }
            #expect(count == 0)
        }
    }
}

/// Reports of many failed rows are written in pieces, never built whole in memory.
@Suite("Import error report streaming")
struct ImportErrorReportStreamingTests {
    @Test func aLargeReportComesInPiecesOfWholeRecords() async throws {
        try await SQLiteTestStore.with(schema: CRMSchema.migrations) { test in
            let rows = (1...3000).map { "Company \($0) \(String(repeating: "x", count: 60)),not-an-email-\($0)" }.joined(separator: "\n")
            let file = try ImportFixtures.write("Company,Email\n\(rows)\n", to: test.directory)
            let record = try await ImportFixtures.run(file, profile: try ImportFixtures.profile("prospecting-targets"), store: test.store, batchSize: 5000)
            #expect(record.counts.failed == 3000)
            var pieces: [[UInt8]] = []
            let service = ImportService(store: test.store)
            try service.writeErrorReport(id: record.id) { pieces.append($0) }
            #expect(pieces.count > 3)
            #expect(pieces.dropLast().allSatisfy { (64 << 10)..<(66 << 10) ~= $0.count && $0.suffix(2) == [13, 10] })
            let whole = String(decoding: pieces.joined(), as: UTF8.self)
            #expect(whole.split(separator: "\r\n").count == 3001)
            #expect(whole.hasSuffix("3001,validation,email,email 'not-an-email-3000' is not a valid email address,Company 3000 \(String(repeating: "x", count: 60)),not-an-email-3000\r\n"))
        }
    }
}
