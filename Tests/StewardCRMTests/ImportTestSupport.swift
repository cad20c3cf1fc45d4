import Foundation
import GRDB
import Logging
@testable import StewardCRM
import StewardSQLite
import StewardTesting
import StewardWorkflows

/// The import fixtures and a way to run an import in-process from submit to its last batch.
enum ImportFixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/imports")

    static func file(_ name: String) -> URL { directory.appendingPathComponent(name) }

    static func profile(_ name: String) throws -> ImportProfileDefinition {
        let set = try WorkflowLoader(environment: [:]).load(directory: directory.appendingPathComponent("profiles").path)
        guard let profile = set.imports[name] else { throw CocoaError(.fileNoSuchFile) }
        return profile
    }

    static func profile(yaml: String) throws -> ImportProfileDefinition {
        guard let profile = try WorkflowLoader(environment: [:]).load(files: [(path: "p.yml", text: yaml)]).imports.values.first else {
            throw CocoaError(.fileNoSuchFile)
        }
        return profile
    }

    static var logger: Logger {
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        return logger
    }

    /// Submits `file`, works it to the end in this process, and returns the finished import.
    static func run(_ file: URL, profile: ImportProfileDefinition, store: SQLiteJobStore, batchSize: Int = 1000) async throws -> ImportRecord {
        let record = try await ImportService(store: store).submit(file: file, profile: profile, createdBy: "test", batchSize: batchSize)
        try await ImportRunner(store: store, logger: logger).run(record.id, batchSize: batchSize)
        return try await store.importGet(id: record.id)
    }

    static func write(_ text: String, to directory: TemporaryDirectory, name: String = "in.csv") throws -> URL {
        let url = directory.url.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url
    }

    static func seedAccounts(_ store: SQLiteJobStore) async throws {
        try await store.database.write { db in
            try db.execute(sql: "INSERT INTO accounts (account_id, company_name) VALUES (1, 'Nordwind'), (2, 'Harbor & Sons'), (3, 'Brightline')")
        }
    }
}
