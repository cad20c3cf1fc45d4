import Foundation
import GRDB
import StewardCore
import StewardSQLite
import StewardWorkflows

/// One CRM change inside its transaction: the lookups that guard it and the audit entry and
/// events that finish it.
struct CRMChange {
    let store: SQLiteJobStore
    let db: Database
    let now: Date
    let actor: String

    func finish(_ entity: String, _ id: Int64, events: [(EventName, [String: Any])]) throws -> CRMChanges.Result {
        for (event, payload) in events {
            try AuditLog.record(event.rawValue, entity: entity, id: id, details: payload, actor: actor, db: db, now: now)
            try store.recordEvent(event.rawValue, payload: JSONText.object(payload), in: db, now: now)
        }
        return CRMChanges.Result(entity: entity, id: id, events: events.map(\.0.rawValue))
    }

    /// The account's owner; an unknown account is an error.
    func requireAccountOwner(_ id: Int64) throws -> String? {
        guard let row = try Row.fetchOne(db, sql: "SELECT owner_user_id FROM accounts WHERE account_id = ?", arguments: [id]) else {
            throw CRMErrors.notFound("account", id, fix: "account: steward accounts status lists accounts")
        }
        return row[0]
    }

    func createAccount(company: String?, owner: String?) throws -> Int64 {
        try db.execute(sql: "INSERT INTO accounts (company_name, owner_user_id, created_at) VALUES (?, ?, ?)",
                       arguments: [company, owner, Timestamp.iso(now)])
        return db.lastInsertedRowID
    }

    /// The opportunity's stage and account, if it is still open and `stage` is a change.
    func requireOpenOpportunity(_ id: Int64, changingTo stage: String) throws -> (String, Int64?) {
        guard let row = try Row.fetchOne(db, sql: "SELECT stage, account_id FROM opportunities WHERE opportunity_id = ?", arguments: [id]) else {
            throw CRMErrors.notFound("opportunity", id, fix: "check the opportunity id")
        }
        let current: String = row[0] ?? "new"
        if current.hasPrefix("closed_") {
            throw StewardError(.invalidTransition, "opportunity \(id) is already \(current)", fix: "a closed opportunity keeps its stage; create a new one")
        }
        if current == stage {
            throw StewardError(.invalidChange, "stage: opportunity \(id) is already in stage \(stage)", fix: "name a different stage")
        }
        return (current, row[1])
    }

    func requireConvertibleTarget(_ id: Int64) throws -> (String?, String?) {
        guard let row = try Row.fetchOne(db, sql: "SELECT status, company_name, owner_user_id FROM prospecting_targets WHERE target_id = ?", arguments: [id]) else {
            throw CRMErrors.notFound("target", id, fix: "check the target id")
        }
        let status: String = row[0] ?? "new_target"
        if status == "converted" || status == "dropped" {
            throw StewardError(.invalidTransition, "target \(id) is \(status) and cannot be converted", fix: "only open targets convert")
        }
        return (row[1], row[2])
    }

    func requirePlannedActivity(_ id: Int64) throws -> CRMActivity {
        guard let activity = try ActivityRecords.find(id, db: db) else {
            throw CRMErrors.notFound("activity", id, fix: "steward activities list shows activity ids")
        }
        guard activity.status == .planned else {
            throw StewardError(.invalidTransition, "activity \(id) is \(activity.status.rawValue); only Planned activities can be completed")
        }
        return activity
    }
}

/// Checks on command-line input, each error naming the field.
enum CRMInput {
    static func check(_ value: String, in allowed: [String], field: String, hint: String? = nil) throws {
        guard !allowed.contains(value) else { return }
        throw StewardError(.invalidChange, "\(field): unknown value '\(value)'", fix: "use one of \(allowed.joined(separator: ", "))" + (hint.map { "; \($0)" } ?? ""))
    }

    /// The largest amount a change accepts (in either direction): far beyond any deal, and well
    /// inside what prints and sums exactly.
    static let maximumAmount = 1_000_000_000_000.0

    static func checkAmount(_ amount: Double?, field: String, allowZero: Bool) throws {
        guard let amount else { return }
        guard amount.isFinite, abs(amount) <= maximumAmount, allowZero ? amount >= 0 : amount != 0 else {
            let range = allowZero ? "an amount ≥ 0" : "a non-zero amount (negative for a refund)"
            throw StewardError(.invalidChange, "\(field): \(amount) is not allowed", fix: "use \(range) of at most 1,000,000,000,000 in size")
        }
    }

    static func day(_ text: String?, field: String) throws -> CRMDay? {
        guard let text else { return nil }
        guard let day = CRMDay(text), text.count == 10 else {
            throw StewardError(.invalidChange, "\(field): '\(text)' is not a date", fix: "write YYYY-MM-DD, e.g. 2026-03-31")
        }
        return day
    }
}
