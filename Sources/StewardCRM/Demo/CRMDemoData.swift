public import StewardSQLite
import GRDB

/// A handful of accounts and opportunities for `steward demo`.
public enum CRMDemoData {
    public static func seedPipeline(_ store: SQLiteJobStore) async throws {
        try await store.database.write { db in
            try db.execute(sql: """
                INSERT INTO accounts (account_id, company_name, owner_user_id, created_at) VALUES
                  (1, 'Nordwind Logistik GmbH', 'anna', '2025-03-02'), (2, 'Harbor & Sons, Ltd.', 'ben', '2025-05-14'),
                  (3, 'Café Lumière', 'anna', '2025-08-30');
                INSERT INTO opportunities (opportunity_id, account_id, stage, owner_user_id, amount, created_at) VALUES
                  (101, 1, 'proposal', 'anna', 48000, '2026-01-02'), (102, 2, 'qualified', 'ben', 12500, '2025-12-18'),
                  (103, 3, 'closed_won', 'anna', 3900, '2025-11-05'), (104, 1, 'negotiation', 'anna', 61000, '2025-12-28'),
                  (105, 2, 'closed_lost', 'ben', 8000, '2025-10-11');
                """)
        }
    }

    /// Loads a CRM fixture: SQL statements (`Fixtures/crm/demo-crm.sql`) run in one transaction.
    public static func load(sql: String, into store: SQLiteJobStore) async throws {
        try await store.database.write { db in try db.execute(sql: sql) }
    }
}
