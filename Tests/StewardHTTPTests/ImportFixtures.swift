import Foundation
import Logging
import StewardApp
import StewardCore
import StewardSQLite
import StewardTesting
import StewardWorkflows
import StewardCRM

/// The repository's import fixtures and profiles, and a way to work queued imports to the end.
enum ImportFixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/imports")

    static func data(_ name: String) throws -> Data { try Data(contentsOf: directory.appendingPathComponent(name)) }

    static func workflows() throws -> WorkflowSet {
        try WorkflowLoader(environment: [:]).load(directory: directory.appendingPathComponent("profiles").path)
    }

    /// Runs every available job of `queues` to its end with a draining pool on the server's store.
    static func drain(_ server: LiveServer, queues: [String] = ["imports"]) async throws {
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        var configuration = WorkerPoolConfiguration()
        configuration.queues = Dictionary(uniqueKeysWithValues: queues.map { ($0, 1) })
        configuration.drain = true
        let registry = JobKinds.registry(store: server.store, definitions: WorkflowDefinitions(server.workflows),
                                         exportsDirectory: server.exportsDirectory.path, clock: server.clock, logger: logger)
        try await WorkerPool(store: server.store, registry: registry, configuration: configuration, clock: server.clock, logger: logger).run()
    }

    /// Files in the database's managed import folder.
    static func storedFiles(_ server: LiveServer) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: server.store.path + ".imports")) ?? []).sorted()
    }
}

/// The repository's own workflow files (schedules, exports; the webhook endpoint is off).
enum RepositoryWorkflows {
    static func load() throws -> WorkflowSet {
        try WorkflowLoader(environment: [:]).load(directory: WebhookReceiver.repositoryRoot().appendingPathComponent("Workflows").path)
    }
}
