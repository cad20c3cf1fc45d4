import Foundation
import GRDB
import StewardCore
import StewardSQLite
import StewardWorkflows

/// The SQL of the winback scan, in one place. Statuses come from data only: the scan derives
/// every account's statuses in one set-based statement, keeps only the accounts whose statuses
/// differ from what is stored, and writes just those (so a second scan changes nothing).
enum WinbackScan {
    /// Every account's derived statuses as of `:as_of`; refunds (amount ≤ 0) are not purchases.
    /// Dates are ISO text, so thresholds are text comparisons against precomputed cut-offs and
    /// the per-account aggregates walk the `transactions (account_id, date)` index.
    static let derivation = """
        WITH tx AS (
            SELECT account_id, date, lag(date) OVER (PARTITION BY account_id ORDER BY date) AS previous
            FROM transactions WHERE date <= :as_of AND amount > 0
        ), per_account AS (
            SELECT account_id, min(date) AS first_tx, max(date) AS last_tx,
                   max(CASE WHEN julianday(date) - julianday(previous) >= :inactive_days THEN date END) AS back_on
            FROM tx GROUP BY account_id
        ), won AS (
            SELECT account_id, min(substr(closed_at, 1, 10)) AS first_won FROM opportunities
            WHERE stage = 'closed_won' AND substr(closed_at, 1, 10) <= :as_of GROUP BY account_id
        ), scanned_accounts AS (
            -- Statuses no scan derived (typed in, imported) are not trusted as the previous ones.
            SELECT *, EXISTS (SELECT 1 FROM account_status_history h WHERE h.account_id = accounts.account_id) AS scanned FROM accounts
        )
        SELECT a.account_id, CASE WHEN a.scanned THEN a.activity_status END AS old_activity,
               CASE WHEN a.scanned THEN a.tenure_status END AS old_tenure, a.last_transaction_date AS old_last_tx,
               p.last_tx,
               CASE WHEN p.last_tx IS NULL THEN 'No Transaction'
                    WHEN p.last_tx <= :inactive_cutoff THEN 'Inactive'
                    WHEN p.last_tx <= :passive_cutoff THEN 'Passive'
                    ELSE 'Active' END AS activity,
               CASE WHEN p.first_tx IS NULL AND w.first_won IS NULL THEN 'Prospect'
                    WHEN p.last_tx <= :inactive_cutoff THEN 'Winback Target'
                    WHEN p.back_on > :new_cutoff THEN 'New Winback Customer'
                    WHEN min(coalesce(p.first_tx, w.first_won), coalesce(w.first_won, p.first_tx)) > :new_cutoff THEN 'New Customer'
                    ELSE 'Active Customer' END AS tenure
        FROM scanned_accounts a LEFT JOIN per_account p ON p.account_id = a.account_id LEFT JOIN won w ON w.account_id = a.account_id
        """

    /// Refuses a scan dated before the latest one (recorded, or seen in the status history):
    /// derived from older data it would undo newer changes and announce them again.
    static func requireNotBefore(_ day: CRMDay, db: Database) throws {
        let latest = try String.fetchOne(db, sql: """
            SELECT max(day) FROM (SELECT max(as_of) AS day FROM winback_scans UNION ALL SELECT max(as_of) FROM account_status_history)
            """)
        guard let latest, latest > day.description else { return }
        throw StewardError(.staleScan, "as of \(day) is before the latest winback scan, as of \(latest); statuses only move forward",
                           fix: "scan as of \(latest) or later")
    }

    static func recordScan(rule: String, asOf day: CRMDay, db: Database, now: Date) throws {
        try db.execute(sql: "INSERT INTO winback_scans (rule, as_of, scanned_at) VALUES (?, ?, ?)",
                       arguments: [rule, day.description, Timestamp.iso(now)])
    }

    /// Derives, compares and stores; returns the accounts that became inactive and those that
    /// came back (the caller enrolls and stops cadences for them).
    static func apply(_ thresholds: WinbackThresholds, asOf day: CRMDay, db: Database, now: Date) throws -> (changed: Int, flagged: [Int64], reactivated: [Int64]) {
        let changed = try stageChanges(thresholds.arguments(asOf: day), db: db)
        try writeChanges(asOf: day, db: db, now: now)
        let flagged = try Int64.fetchAll(db, sql: """
            SELECT account_id FROM temp.winback_changes WHERE activity = 'Inactive' AND old_activity IS NOT 'Inactive' ORDER BY account_id
            """)
        let reactivated = try Int64.fetchAll(db, sql: """
            SELECT account_id FROM temp.winback_changes WHERE old_activity = 'Inactive' AND activity IN ('Active', 'Passive') ORDER BY account_id
            """)
        try db.execute(sql: "DELETE FROM temp.winback_changes")
        return (changed, flagged, reactivated)
    }

    /// The accounts whose derived statuses (or last transaction) differ from the stored ones,
    /// into a temp table of the writer connection; returns how many.
    private static func stageChanges(_ arguments: StatementArguments, db: Database) throws -> Int {
        try db.execute(sql: """
            CREATE TEMP TABLE IF NOT EXISTS winback_changes (account_id INTEGER PRIMARY KEY, old_activity TEXT, old_tenure TEXT,
                                                             last_tx TEXT, activity TEXT, tenure TEXT);
            DELETE FROM temp.winback_changes;
            """)
        try db.execute(sql: """
            INSERT INTO temp.winback_changes
            SELECT account_id, old_activity, old_tenure, last_tx, activity, tenure FROM (\(derivation))
            WHERE activity IS NOT old_activity OR tenure IS NOT old_tenure OR last_tx IS NOT old_last_tx
            """, arguments: arguments)
        return db.changesCount
    }

    /// History rows for status changes, then the new values on `accounts`.
    private static func writeChanges(asOf day: CRMDay, db: Database, now: Date) throws {
        try db.execute(sql: """
            INSERT INTO account_status_history (account_id, as_of, activity_status, tenure_status, previous_activity, previous_tenure,
                                                last_transaction_date, recorded_at)
            SELECT account_id, :as_of, activity, tenure, old_activity, old_tenure, last_tx, :now FROM temp.winback_changes
            WHERE activity IS NOT old_activity OR tenure IS NOT old_tenure
            """, arguments: ["as_of": day.description, "now": Timestamp.iso(now)])
        try db.execute(sql: """
            UPDATE accounts SET activity_status = c.activity, tenure_status = c.tenure, last_transaction_date = c.last_tx,
                   status_since = CASE WHEN c.activity IS NOT c.old_activity OR c.tenure IS NOT c.old_tenure THEN :as_of ELSE status_since END
            FROM temp.winback_changes c WHERE accounts.account_id = c.account_id
            """, arguments: ["as_of": day.description])
    }

    /// Enrolls every newly inactive account into the winback cadence in one statement; an
    /// account that already has an open enrollment keeps it (the partial unique index).
    static func enroll(_ accounts: [Int64], template: CadenceTemplate, rule: String, asOf day: CRMDay, db: Database, now: Date) throws -> [Int64] {
        guard !accounts.isEmpty else { return [] }
        let ids = String(decoding: try JSONSerialization.data(withJSONObject: accounts), as: UTF8.self)
        return try Int64.fetchAll(db, sql: """
            INSERT INTO cadence_enrollments (cadence_id, cadence_version, record_type, record_id, account_id, owner_user_id, status,
                                             enrolled_on, source, created_at)
            SELECT ?, ?, 'account', a.account_id, a.account_id, a.owner_user_id, 'Active', ?, ?, ?
            FROM json_each(?) j JOIN accounts a ON a.account_id = j.value WHERE true
            ON CONFLICT DO NOTHING RETURNING enrollment_id
            """, arguments: [template.cadenceID, template.version, day.description, "winback:\(rule)", Timestamp.iso(now), ids])
    }

    static func report(_ account: Int64, db: Database) throws -> AccountStatusReport? {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT account_id, company_name, activity_status, tenure_status, last_transaction_date, status_since FROM accounts WHERE account_id = ?
            """, arguments: [account]) else { return nil }
        let history = try Row.fetchAll(db, sql: """
            SELECT as_of, activity_status, tenure_status, previous_activity, previous_tenure FROM account_status_history
            WHERE account_id = ? ORDER BY history_id
            """, arguments: [account]).map {
            AccountStatusReport.Change(asOf: $0[0], activity: $0[1], tenure: $0[2], previousActivity: $0[3], previousTenure: $0[4])
        }
        return AccountStatusReport(accountID: row[0], companyName: row[1], activity: row[2], tenure: row[3], lastTransaction: row[4],
                                   statusSince: row[5], history: history)
    }

    /// The condition `apply` flags by, as the partial index `account_status_history_flagged`
    /// (crm/v4-winback-flags) states it: SQLite uses a partial index only for a query that
    /// repeats its WHERE.
    static let flaggedCondition = "activity_status = 'Inactive' AND previous_activity IS NOT 'Inactive'"

    /// Newly inactive accounts, newest flag first, from the partial index.
    static func flagged(limit: Int, beforeID: Int64?, db: Database) throws -> [WinbackFlag] {
        try Row.fetchAll(db, sql: """
            SELECT h.history_id, h.account_id, a.company_name, a.owner_user_id, h.as_of, h.previous_activity, h.tenure_status
            FROM (SELECT * FROM account_status_history INDEXED BY account_status_history_flagged
                  WHERE \(flaggedCondition) AND history_id < ? ORDER BY history_id DESC LIMIT ?) h
            LEFT JOIN accounts a ON a.account_id = h.account_id ORDER BY h.history_id DESC
            """, arguments: [beforeID ?? Int64.max, limit]).map {
            WinbackFlag(historyID: $0[0], accountID: $0[1], companyName: $0[2], owner: $0[3], asOf: $0[4], previousActivity: $0[5], tenure: $0[6])
        }
    }

    /// Accounts per (activity, tenure) pair. Grouped by the bare columns, so the scan runs
    /// over `accounts_status` (crm/v5-account-statuses) alone: 7 ms for 100k accounts where the
    /// table scan took 48.
    static func counts(db: Database) throws -> [(activity: String, tenure: String, accounts: Int)] {
        try Row.fetchAll(db, sql: "SELECT activity_status, tenure_status, count(*) FROM accounts GROUP BY 1, 2").map { row in
            ((row[0] as String?) ?? "not scanned", (row[1] as String?) ?? "not scanned", row[2] as Int)
        }.sorted { ($0.0, $0.1) < ($1.0, $1.1) }
    }
}

extension WinbackThresholds {
    /// Named SQL arguments for a scan as of `day`: a last transaction on or before a cut-off has
    /// crossed that threshold.
    func arguments(asOf day: CRMDay) -> StatementArguments {
        ["as_of": day.description,
         "passive_cutoff": day.adding(days: -passiveAfterDays).description,
         "inactive_cutoff": day.adding(days: -inactiveAfterDays).description,
         "new_cutoff": day.adding(days: -newCustomerDays).description,
         "inactive_days": inactiveAfterDays]
    }
}
