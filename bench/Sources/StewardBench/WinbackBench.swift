import Foundation
import GRDB
import StewardCore
import StewardCRM
import StewardSQLite
import StewardWorkflows

/// `steward-bench winback --accounts N --transactions T --db PATH`: the Steward side of
/// `bench/winback`. Seeds N accounts and T transactions over two years (six in ten accounts
/// buy throughout, two stopped 95+ days ago, one lapsed 35–85 days ago, one never bought) and
/// a won deal for every fifth account, then times the first scan (every account's statuses
/// written with history, the inactive ones enrolled and flagged) and a second scan a day later.
/// Prints one JSON line; the database is left for the `sqlite3` peer, with `as_of` the day the
/// stored statuses were derived for (the second scan's).
struct WinbackBench {
    let options: BenchOptions
    static let asOf = CRMDay(year: 2026, month: 6, day: 30)

    static let rules = """
        kind: cadence
        name: winback
        days: business
        generate: stepwise
        steps:
          - { day: 0, type: call, subject: "We miss you, {{account.company_name}}" }
        ---
        kind: winback
        name: inactive
        cadence: winback
        """

    func run() async throws -> [String: Any] {
        let store = try SQLiteJobStore.open(path: options.database, options: SQLiteStoreOptions(schema: CRMSchema.migrations))
        try await seed(store)
        let set = try WorkflowLoader(environment: [:]).load(files: [(path: "bench.yml", text: Self.rules)])
        let rule = set.winbacks["inactive"]!, cadence = set.cadences["winback"]!
        let service = WinbackService(store: store)
        // Best of three first scans; between them everything a scan writes is taken back.
        var seconds = Double.infinity
        var first: WinbackScanResult?
        for _ in 0..<3 {
            try await reset(store)
            let start = ContinuousClock.now
            first = try await service.scan(rule, cadence: cadence, asOf: Self.asOf, now: Date())
            seconds = min(seconds, (ContinuousClock.now - start).timeInterval)
        }
        guard let first else { throw BenchError("no scan ran") }
        let next = ContinuousClock.now
        let second = try await service.scan(rule, cadence: cadence, asOf: Self.asOf.adding(days: 1), now: Date())
        let steady = (ContinuousClock.now - next).timeInterval
        return ["accounts": first.accounts, "seconds": CadenceBench.round(seconds), "accounts_per_s": Int(Double(first.accounts) / seconds),
                "flagged": first.flagged.count, "changed": first.changed, "next_day_seconds": CadenceBench.round(steady),
                "next_day_changed": second.changed, "as_of": Self.asOf.adding(days: 1).description]
    }

    /// Back to never scanned: no statuses, history, enrollments, activities, events or jobs.
    private func reset(_ store: SQLiteJobStore) async throws {
        try await store.database.write { db in
            try db.execute(sql: """
                UPDATE accounts SET activity_status = NULL, tenure_status = NULL, last_transaction_date = NULL, status_since = NULL;
                DELETE FROM account_status_history; DELETE FROM cadence_enrollments; DELETE FROM activities; DELETE FROM events; DELETE FROM jobs;
                """)
        }
    }

    private func seed(_ store: SQLiteJobStore) async throws {
        try await store.database.write { [accounts = options.accounts, transactions = options.transactions] db in
            try db.execute(sql: """
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < :accounts)
                INSERT INTO accounts (account_id, company_name, owner_user_id, created_at) SELECT i, 'Company ' || i, 'u' || (i % 25), '2024-01-01' FROM n;
                WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < :transactions - 1),
                     t(account_id, i) AS (SELECT 1 + i % :accounts, i FROM n)
                INSERT INTO transactions (account_id, date, amount)
                SELECT CASE WHEN account_id % 10 = 9 THEN account_id - 1 ELSE account_id END,
                       date(:as_of, '-' || CASE account_id % 10 WHEN 6 THEN 95 + (i * 7919) % 600 WHEN 7 THEN 95 + (i * 7919) % 600
                                                                WHEN 8 THEN 35 + (i * 7919) % 50 ELSE (i * 7919) % 730 END || ' days'),
                       (i % 500) + 1 FROM t;
                INSERT INTO opportunities (account_id, stage, owner_user_id, amount, created_at, closed_at)
                SELECT account_id, 'closed_won', owner_user_id, 1000, '2024-01-01', date(:as_of, '-' || (account_id % 400) || ' days')
                FROM accounts WHERE account_id % 5 = 0;
                """, arguments: ["accounts": accounts, "transactions": transactions, "as_of": Self.asOf.description])
            try db.execute(sql: "ANALYZE")
        }
    }
}
