public import Foundation
public import StewardSQLite
public import StewardWorkflows
import GRDB
import StewardCore

/// Winback for commands and jobs: a scan is one transaction that stores derived statuses,
/// enrolls newly inactive accounts, stops winback for accounts that bought again, and records
/// `account.winback_flagged` / `account.reactivated`. Scans move forward: one dated before the
/// latest is refused (`staleScan`) and changes nothing.
public struct WinbackService: Sendable {
    public let store: SQLiteJobStore

    public init(store: SQLiteJobStore) { self.store = store }

    /// `syncFile` as for `CadenceService.enroll`: commands store the cadence file they loaded,
    /// scheduled scans enroll on the stored current version.
    public func scan(_ rule: WinbackDefinition, cadence: CadenceDefinition, asOf day: CRMDay, syncFile: Bool = true,
                     now: Date) async throws -> WinbackScanResult {
        let thresholds = WinbackThresholds(passiveAfterDays: rule.passiveAfterDays, inactiveAfterDays: rule.inactiveAfterDays)
        return try await store.database.write { db in
            try WinbackScan.requireNotBefore(day, db: db)
            try WinbackScan.recordScan(rule: rule.name, asOf: day, db: db, now: now)
            let total = try Int.fetchOne(db, sql: "SELECT count(*) FROM accounts") ?? 0
            let (changed, flagged, reactivated) = try WinbackScan.apply(thresholds, asOf: day, db: db, now: now)
            let template = try syncFile ? CadenceTemplateRecords.sync(cadence, in: db, now: now) : CadenceTemplateRecords.current(cadence, in: db, now: now)
            let enrollments = try WinbackScan.enroll(flagged, template: template, rule: rule.name, asOf: day, db: db, now: now)
            for batch in stride(from: 0, to: enrollments.count, by: CadenceJobs.batchSize) {
                _ = try store.enqueue([CadenceJobs.generateJob(Array(enrollments[batch..<min(batch + CadenceJobs.batchSize, enrollments.count)]))], in: db, now: now)
            }
            try record(.accountWinbackFlagged, flagged, rule: rule.name, asOf: day, db: db, now: now)
            let lifecycle = CadenceLifecycle(store: store, db: db, now: now, actor: "winback:\(rule.name)")
            for account in reactivated {
                _ = try lifecycle.stopOpen(cadence: cadence.name, record: CRMRecordRef(.account, account), reason: EventName.accountReactivated.rawValue)
            }
            try record(.accountReactivated, reactivated, rule: rule.name, asOf: day, db: db, now: now)
            return WinbackScanResult(asOf: day, accounts: total, changed: changed, flagged: flagged, reactivated: reactivated, enrollments: enrollments)
        }
    }

    private func record(_ event: EventName, _ accounts: [Int64], rule: String, asOf day: CRMDay, db: Database, now: Date) throws {
        // Thousands of payloads differ only in the account id: build the rest once.
        let rest = JSONText.object(["as_of": day.description, "rule": rule]).dropFirst()
        let events = accounts.map { account in (name: event.rawValue, payload: "{\"account_id\":\(account),\(rest)") }
        try store.recordEvents(events, in: db, now: now)
    }

    /// One account's statuses and their history; nil when there is no such account.
    public func status(account: Int64) async throws -> AccountStatusReport? {
        try await store.database.read { db in try WinbackScan.report(account, db: db) }
    }

    /// How many accounts hold each (activity, tenure) pair.
    public func counts() async throws -> [(activity: String, tenure: String, accounts: Int)] {
        try await store.database.read { db in try WinbackScan.counts(db: db) }
    }

    /// Accounts scans flagged as newly inactive, newest first; page with `beforeID`.
    public func flagged(limit: Int = 50, beforeID: Int64? = nil) async throws -> [WinbackFlag] {
        try await store.database.read { db in try WinbackScan.flagged(limit: limit, beforeID: beforeID, db: db) }
    }
}
