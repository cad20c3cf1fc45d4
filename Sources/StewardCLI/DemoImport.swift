import StewardApp
import Foundation
import Logging
import StewardCore
import StewardCRM
import StewardSQLite
import StewardWorkflows

/// The demo's import: a small trade-fair list of prospecting targets with a few bad rows (the
/// rows of Fixtures/imports/targets-with-errors.csv), imported by the `import` job with the
/// shipped profile, then its error report.
enum DemoImport {
    static let profile = """
        kind: import
        name: prospecting-targets
        target: prospecting_targets
        latin1_fallback: true
        columns:
          company_name: { header: Company, aliases: [company name, firma], required: true, max_length: 200 }
          contact_name: { header: Contact, aliases: [name], max_length: 200 }
          email: { header: Email, aliases: [e-mail, mail], type: email }
          phone: { header: Phone, aliases: [telefon, tel], type: phone, region: DE }
          website: { header: Website, aliases: [web, url], type: url }
        dedupe_key: [email]
        on_duplicate: skip
        """

    static let file = """
        Company,Contact,Email,Phone,Website
        Nordwind Logistik GmbH,Anna Berger,anna@nordwind.de,030 1234567,nordwind.de
        ,Missing Company,nobody@example.com,,
        Harbor & Sons Ltd.,Ben Carter,ben@harbor,+44 20 7946 0958,
        Café Lumière,Claire Dubois,claire@lumiere.fr,+33 1 42 68 53 00,not a url
        Brightline Analytics,Dev Patel,dev@brightline.io,,https://brightline.io,extra
        Nordwind Logistik GmbH,Anna Berger,ANNA@nordwind.de,,

        """

    static func run(store: SQLiteJobStore, clock: any JobClock) async throws -> String {
        guard let definition = try WorkflowLoader(environment: [:]).load(files: [(path: "demo.yml", text: profile)]).imports.values.first else { return "" }
        // The demo database is new: copies kept for an earlier demo database are stale.
        try? FileManager.default.removeItem(atPath: store.path + ".imports")
        // A folder of its own: two demos at once must not share (and delete) one file.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("steward-demo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = folder.appendingPathComponent("trade-fair-leads.csv")
        try Data(file.utf8).write(to: source)
        let service = ImportService(store: store, clock: clock)
        let submitted = try await service.submit(file: source, profile: definition, createdBy: "demo")
        try await workImportsQueue(store: store, clock: clock)
        let record = try await store.importGet(id: submitted.id)
        let errors = try await store.importErrors(id: record.id)
        let table = Table(headers: ["LINE", "CATEGORY", "FIELD", "MESSAGE"], rows: errors.map { [String($0.line), $0.category.rawValue, $0.field ?? "", $0.message] })
        let report = String(decoding: try service.errorReport(id: record.id), as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
        return "Import: \(record.fileName) with profile \(record.profile)\n\(ImportView.summary(record))\n\n\(table.render())\n\n"
            + "Error report (steward imports errors \(record.id) --csv), to correct and feed back with `steward imports retry \(record.id) --file`:\n\(report)"
    }

    private static func workImportsQueue(store: SQLiteJobStore, clock: any JobClock) async throws {
        var configuration = WorkerPoolConfiguration()
        configuration.queues = [ImportKind.queue: 1]
        configuration.drain = true
        var logger = Logger(label: "steward.demo")
        logger.logLevel = .critical
        try await WorkerPool(store: store, registry: JobKinds.registry(store: store, clock: clock, logger: logger), configuration: configuration,
                             clock: clock, logger: logger).run()
    }
}
