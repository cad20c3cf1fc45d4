import Foundation
import Yams
/// The CRM entities and fields a workflow file may name (export columns and filters, import
/// targets). Only these reach SQL, so a file can never splice arbitrary text into a query.
public enum Entity: String, Sendable, CaseIterable {
    case accounts, contacts, leads, opportunities, activities
    case prospectingTargets = "prospecting_targets"
    case transactions
    case importErrors = "import_errors"

    public var fields: [String] {
        switch self {
        case .accounts: ["account_id", "company_name", "industry", "country", "owner_user_id", "activity_status", "tenure_status", "created_at", "status_since", "last_transaction_date"]
        case .contacts: ["contact_id", "account_id", "first_name", "last_name", "email", "phone", "created_at"]
        case .leads: ["lead_id", "account_id", "company_name", "email", "phone", "triage_status", "opportunity_id", "created_at"]
        case .opportunities: ["opportunity_id", "account_id", "stage", "owner_user_id", "amount", "source_lead_id", "lost_reason", "created_at", "closed_at"]
        case .activities: ["activity_id", "type", "subject", "status", "due_date", "owner_user_id", "account_id", "opportunity_id", "cadence_enrollment_id", "cadence_step_number", "completed_at", "contact_id", "target_id", "description", "created_at"]
        case .prospectingTargets: ["target_id", "company_name", "contact_name", "email", "phone", "website", "status", "dedupe_key", "created_at", "owner_user_id", "account_id", "converted_at"]
        case .transactions: ["transaction_id", "account_id", "date", "amount"]
        case .importErrors: ["import_id", "line", "field", "category", "message", "resolved"]
        }
    }

    /// One-hop joins: `account.company_name` on any entity with an `account_id`.
    public var joins: [String: Entity] {
        fields.contains("account_id") && self != .accounts ? ["account": .accounts] : [:]
    }

    /// Whether `column` (a field, or `join.field`) exists on this entity.
    public func knows(_ column: String) -> Bool {
        let parts = column.split(separator: ".", maxSplits: 1).map(String.init)
        if parts.count == 2 { return joins[parts[0]]?.fields.contains(parts[1]) ?? false }
        return fields.contains(column)
    }

    public var allColumns: [String] {
        fields + joins.sorted { $0.key < $1.key }.flatMap { join in join.value.fields.map { "\(join.key).\($0)" } }
    }
}
