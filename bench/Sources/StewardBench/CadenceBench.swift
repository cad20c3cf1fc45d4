import Foundation
import GRDB
import StewardCore
import StewardCRM
import StewardSQLite
import StewardWorkflows

/// `steward-bench cadence --enrollments N --db PATH`: the Steward side of `bench/cadence`.
/// Enrolls N accounts in a 5-step business-day cadence, then times generation (batches of
/// `CadenceJobs.batchSize` enrollments per transaction, as the jobs do). Beside it, in the same
/// run, a raw INSERT loop writes the same rows (values computed beforehand) into a copy of the
/// schema, emptied before each run as Steward's table is. Each side's best of three runs;
/// prints one JSON line.
struct CadenceBench {
    let options: BenchOptions

    static let definition = """
        kind: cadence
        name: bench
        days: business
        generate: upfront
        steps:
          - { day: 0, type: call, subject: "First contact: {{account.company_name}}" }
          - { day: 2, type: email, subject: "Follow-up: {{account.company_name}}" }
          - { day: 5, type: call, subject: "Check-in call" }
          - { day: 10, type: email, subject: "Proposal reminder" }
          - { day: 14, type: call, subject: "Decision call" }
        """

    func run() async throws -> [String: Any] {
        let store = try SQLiteJobStore.open(path: options.database, options: SQLiteStoreOptions(schema: CRMSchema.migrations))
        let cadence = try WorkflowLoader(environment: [:]).load(files: [(path: "bench.yml", text: Self.definition)]).cadences["bench"]!
        let now = Date(timeIntervalSince1970: 1_772_452_800)
        try await CadenceService(store: store).sync([cadence], now: now)
        try await seed(store)
        // Best of three for each side, taken in turns, so a busy moment on the machine hurts
        // neither more than the other.
        var best = (steward: Double.infinity, raw: Double.infinity)
        var created = 0
        let copy = try emptyCopy()
        for _ in 0..<3 {
            // Both sides start from an emptied table in a file they wrote before, so both reuse
            // the freed pages from the second run on.
            try await store.database.write { db in try db.execute(sql: "DELETE FROM activities") }
            let start = ContinuousClock.now
            created = try await generateAll(store, now: now)
            best.steward = min(best.steward, (ContinuousClock.now - start).timeInterval)
            best.raw = min(best.raw, try await rawInsertSeconds(copying: store, into: copy))
        }
        return ["activities": created, "seconds": Self.round(best.steward), "activities_per_s": Int(Double(created) / best.steward),
                "insert_seconds": Self.round(best.raw), "insert_per_s": Int(Double(created) / best.raw)]
    }

    /// Generation as the `cadence_generate` jobs do it: one transaction per batch.
    private func generateAll(_ store: SQLiteJobStore, now: Date) async throws -> Int {
        let ids = (1...options.enrollments).map(Int64.init)
        var created = 0
        for batch in stride(from: 0, to: ids.count, by: CadenceJobs.batchSize) {
            created += try await CadenceService(store: store).generate(Array(ids[batch..<min(batch + CadenceJobs.batchSize, ids.count)]), now: now)
        }
        return created
    }

    static func round(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }

    private func seed(_ store: SQLiteJobStore) async throws {
        try await store.database.write { [count = options.enrollments] db in
            try db.execute(sql: """
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
                INSERT INTO accounts (account_id, company_name, owner_user_id, created_at) SELECT i, 'Company ' || i, 'u' || (i % 25), '2025-01-01' FROM n;
                INSERT INTO cadence_enrollments (enrollment_id, cadence_id, cadence_version, record_type, record_id, account_id, owner_user_id, status,
                                                 enrolled_on, source, created_at)
                SELECT account_id, 1, 1, 'account', account_id, account_id, owner_user_id, 'Active', '2026-03-02', 'bench', '2026-03-02' FROM accounts;
                """, arguments: [count])
        }
    }

    /// A second file with the same schema, for the raw inserts.
    private func emptyCopy() throws -> SQLiteJobStore {
        let path = options.database + ".raw"
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        return try SQLiteJobStore.open(path: path, options: SQLiteStoreOptions(schema: CRMSchema.migrations))
    }

    /// The same activity rows, read back and inserted one by one with a prepared statement into
    /// an identical schema (its table emptied first, untimed), in one transaction: SQLite's own
    /// cost for these rows.
    private func rawInsertSeconds(copying store: SQLiteJobStore, into copy: SQLiteJobStore) async throws -> Double {
        let rows = try await store.database.read { db in
            try Row.fetchAll(db, sql: """
                SELECT type, subject, description, status, due_date, owner_user_id, account_id, opportunity_id, contact_id, target_id,
                       cadence_enrollment_id, cadence_step_number, created_at FROM activities ORDER BY activity_id
                """).map { row in (0..<13).map { row[$0] as DatabaseValue } }
        }
        try await copy.database.write { db in try db.execute(sql: "DELETE FROM activities") }
        let start = ContinuousClock.now
        try await copy.database.write { db in
            let statement = try db.makeStatement(sql: """
                INSERT INTO activities (type, subject, description, status, due_date, owner_user_id, account_id, opportunity_id, contact_id,
                                        target_id, cadence_enrollment_id, cadence_step_number, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for row in rows { try statement.execute(arguments: StatementArguments(row)) }
        }
        return (ContinuousClock.now - start).timeInterval
    }
}
