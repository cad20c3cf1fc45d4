import GRDB

/// Indexes for the dedupe lookups of imports into contacts, leads and accounts. The lookup
/// compares `field = ? COLLATE NOCASE`, so each index carries the same collation; without them
/// every row of an import scanned the whole table while holding the write lock.
enum ImportDedupeIndexes {
    static func create(_ db: Database) throws {
        try db.execute(sql: """
            CREATE INDEX contacts_email_nocase ON contacts (email COLLATE NOCASE);
            CREATE INDEX leads_email_nocase ON leads (email COLLATE NOCASE);
            CREATE INDEX accounts_company_name_nocase ON accounts (company_name COLLATE NOCASE);
            """)
    }
}
