import GRDB
import StewardCRM
import StewardSQLite
import StewardTesting
import StewardWorkflows
import Testing

@Suite("CRM schema", .sqliteDatabase)
struct SchemaTests {
    /// Workflow files are checked against `Entity.fields`; every one must be a real column.
    @Test func everyFieldWorkflowFilesMayNameIsAColumn() async throws {
        let store = try SQLiteDatabaseTrait.store().store
        for entity in Entity.allCases {
            let columns = try await store.database.read { db in try db.columns(in: entity.rawValue).map(\.name) }
            #expect(columns == entity.fields, "\(entity.rawValue)")
        }
    }
}
