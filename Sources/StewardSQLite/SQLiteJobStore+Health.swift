public import Foundation
import GRDB
import StewardCore

extension SQLiteJobStore {
    /// Migrations `schema` names that the database lacks, and ones it holds that this build
    /// does not know (a newer Steward migrated it while this process ran).
    public func schemaDrift(schema: [SQLiteSchemaMigration]) async throws -> (missing: [String], unknown: [String]) {
        let known = Migrations.all(adding: schema).map(\.identifier)
        let applied = Set(try await database.read { db in try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations") })
        return (known.filter { !applied.contains($0) }, applied.subtracting(known).sorted())
    }

    /// Takes the write lock and lets it go without writing: fails when the file cannot be
    /// written or another connection holds the lock past the busy timeout.
    public func probeWritable() async throws {
        try await database.writeWithoutTransaction { db in
            try db.execute(sql: "BEGIN IMMEDIATE")
            try db.execute(sql: "ROLLBACK")
        }
    }
}

extension SQLiteJobStore {
    /// Running jobs whose lease ran out before `date`: workers that heartbeat renew their
    /// leases and a live pool rescues expired ones, so these mean no worker is alive to do either.
    public func expiredLeaseCount(before date: Date) async throws -> Int {
        try await database.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM jobs WHERE state = 'running' AND lease_expires_at < ?",
                             arguments: [date.sqlSeconds]) ?? 0
        }
    }
}
