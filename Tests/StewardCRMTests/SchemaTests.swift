import GRDB
import StewardCRM
import StewardSQLite
import StewardTesting
import StewardWorkflows
import Testing

@Suite("CRM schema", .crmDatabase)
struct SchemaTests {
    /// Workflow files are checked against `Entity.fields`; every one must be a real column (tables
    /// may hold more, e.g. bookkeeping columns no file should name).
    @Test func everyFieldWorkflowFilesMayNameIsAColumn() async throws {
        let store = try SQLiteDatabaseTrait.store().store
        for entity in Entity.allCases {
            let columns = try await store.database.read { db in try db.columns(in: entity.rawValue).map(\.name) }
            let missing = entity.fields.filter { !columns.contains($0) }
            #expect(missing.isEmpty, "\(entity.rawValue) lacks \(missing)")
        }
    }
}
