public import Foundation
public import StewardSQLite
import GRDB
import StewardCore
import StewardWorkflows

/// The CRM changes that drive jobs. Each is one transaction that writes its rows, an audit
/// entry and its domain event; bad input throws a `StewardError` naming the field, and then
/// nothing is written.
public struct CRMChanges: Sendable {
    public let store: SQLiteJobStore
    public let actor: String

    public init(store: SQLiteJobStore, actor: String = "steward") {
        self.store = store
        self.actor = actor
    }

    /// What a change did, for people and scripts.
    public struct Result: Sendable, Equatable {
        public var entity: String
        public var id: Int64
        public var events: [String]
    }

    public static let openStages = ["new", "qualified", "proposal", "negotiation"]
    public static let stages = openStages + ["closed_won", "closed_lost"]

    public func createOpportunity(account: Int64, amount: Double?, stage: String = "new", owner: String? = nil, now: Date) async throws -> Result {
        try CRMInput.check(stage, in: Self.openStages, field: "stage", hint: "a new opportunity starts open; close it with a stage change")
        try CRMInput.checkAmount(amount, field: "amount", allowZero: true)
        return try await write(now) { change in
            let accountOwner = try change.requireAccountOwner(account)
            let owner = owner ?? accountOwner
            try change.db.execute(sql: """
                INSERT INTO opportunities (account_id, stage, owner_user_id, amount, created_at) VALUES (?, ?, ?, ?, ?)
                """, arguments: [account, stage, owner, amount, Timestamp.iso(now)])
            let id = change.db.lastInsertedRowID
            let payload: [String: Any] = ["opportunity_id": id, "account_id": account, "owner_user_id": owner ?? NSNull(), "stage": stage, "amount": amount ?? NSNull()]
            return try change.finish("opportunities", id, events: [(EventName.opportunityCreated, payload)])
        }
    }

    public func changeStage(opportunity: Int64, to stage: String, reason: String?, now: Date) async throws -> Result {
        try CRMInput.check(stage, in: Self.stages, field: "stage")
        let reason = reason?.trimmingCharacters(in: .whitespaces)
        if stage == "closed_lost", reason?.isEmpty ?? true {
            throw StewardError(.invalidChange, "reason: closing opportunity \(opportunity) as lost needs a reason",
                               fix: "say why, e.g. --reason \"chose a competitor\"")
        }
        return try await write(now) { change in
            let (from, account) = try change.requireOpenOpportunity(opportunity, changingTo: stage)
            let closed = stage.hasPrefix("closed_") ? CRMDay(now).description : nil
            try change.db.execute(sql: "UPDATE opportunities SET stage = ?, closed_at = ?, lost_reason = ? WHERE opportunity_id = ?",
                                  arguments: [stage, closed, stage == "closed_lost" ? reason : nil, opportunity])
            let payload: [String: Any] = ["opportunity_id": opportunity, "account_id": account ?? NSNull(), "from": from, "to": stage, "reason": reason ?? NSNull()]
            var events = [(EventName.opportunityStageChanged, payload)]
            if stage == "closed_won" { events.append((.opportunityClosedWon, payload)) }
            if stage == "closed_lost" { events.append((.opportunityClosedLost, payload)) }
            return try change.finish("opportunities", opportunity, events: events)
        }
    }

    /// Converts a prospecting target into a new account (or links it to `account`).
    public func convertTarget(_ target: Int64, into account: Int64? = nil, now: Date) async throws -> Result {
        try await write(now) { change in
            let (company, owner) = try change.requireConvertibleTarget(target)
            let accountID = try account.map { id in _ = try change.requireAccountOwner(id); return id }
                ?? change.createAccount(company: company, owner: owner)
            try change.db.execute(sql: """
                UPDATE prospecting_targets SET status = 'converted', account_id = ?, converted_at = ? WHERE target_id = ?
                """, arguments: [accountID, Timestamp.iso(now), target])
            let payload: [String: Any] = ["target_id": target, "account_id": accountID, "company_name": company ?? NSNull()]
            return try change.finish("prospecting_targets", target, events: [(EventName.targetConverted, payload)])
        }
    }

    public func recordTransaction(account: Int64, date: String?, amount: Double, now: Date) async throws -> Result {
        let day = try CRMInput.day(date, field: "date") ?? CRMDay(now)
        try CRMInput.checkAmount(amount, field: "amount", allowZero: false)
        return try await write(now) { change in
            _ = try change.requireAccountOwner(account)
            try change.db.execute(sql: "INSERT INTO transactions (account_id, date, amount) VALUES (?, ?, ?)", arguments: [account, day.description, amount])
            let id = change.db.lastInsertedRowID
            let payload: [String: Any] = ["transaction_id": id, "account_id": account, "date": day.description, "amount": amount]
            return try change.finish("transactions", id, events: [(EventName.transactionRecorded, payload)])
        }
    }

    /// Marks an activity done; a cadence activity moves its enrollment on (see `CadenceLifecycle`).
    public func completeActivity(_ activity: Int64, on date: String? = nil, now: Date) async throws -> Result {
        let day = try CRMInput.day(date, field: "on") ?? CRMDay(now)
        return try await write(now) { change in
            let found = try change.requirePlannedActivity(activity)
            try ActivityRecords.markDone(activity, on: day, db: change.db)
            try CadenceLifecycle(store: store, db: change.db, now: now, actor: actor).activityDone(found, on: day)
            var payload: [String: Any] = ["activity_id": activity, "account_id": found.accountID ?? NSNull(), "completed_on": day.description]
            if let enrollment = found.enrollmentID { payload["cadence_enrollment_id"] = enrollment; payload["cadence_step_number"] = found.stepNumber }
            return try change.finish("activities", activity, events: [(EventName.activityCompleted, payload)])
        }
    }

    private func write(_ now: Date, _ body: @escaping @Sendable (CRMChange) throws -> Result) async throws -> Result {
        try await store.database.write { db in try body(CRMChange(store: store, db: db, now: now, actor: actor)) }
    }
}
