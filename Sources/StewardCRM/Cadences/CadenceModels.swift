import Foundation

/// The kinds of CRM record a cadence can be run for.
public enum CRMRecordType: String, Sendable, CaseIterable, Codable {
    case account, opportunity, contact, target

    /// The table and key column holding records of this type.
    var table: (name: String, key: String) {
        switch self {
        case .account: ("accounts", "account_id")
        case .opportunity: ("opportunities", "opportunity_id")
        case .contact: ("contacts", "contact_id")
        case .target: ("prospecting_targets", "target_id")
        }
    }

    /// The key a domain event's payload names this record by, e.g. `opportunity_id`.
    var payloadKey: String { table.key }
}

/// One CRM record: `opportunity 42`.
public struct CRMRecordRef: Sendable, Hashable, CustomStringConvertible {
    public var type: CRMRecordType
    public var id: Int64

    public init(_ type: CRMRecordType, _ id: Int64) {
        self.type = type
        self.id = id
    }

    public var description: String { "\(type.rawValue) \(id)" }

    /// The record an event is about: `opportunity.*` names an opportunity, `account.*` an
    /// account, `target.*` a target; other events fall back to the most specific id present.
    public static func subject(ofEvent name: String, payload: [String: Any]) -> CRMRecordRef? {
        let prefix = name.split(separator: ".").first.map(String.init) ?? ""
        let preferred = CRMRecordType(rawValue: prefix).map { [$0] } ?? []
        for type in preferred + [.opportunity, .target, .contact, .account] {
            if let id = Self.integer(payload[type.payloadKey]) { return CRMRecordRef(type, id) }
        }
        return nil
    }

    /// Every record a payload names (`opportunity_id`, `account_id`…): a `stop_on` event stops
    /// the enrollments of each, so an account's cadence can stop when one of its deals is won.
    public static func all(inPayload payload: [String: Any]) -> [CRMRecordRef] {
        CRMRecordType.allCases.compactMap { type in integer(payload[type.payloadKey]).map { CRMRecordRef(type, $0) } }
    }

    static func integer(_ value: Any?) -> Int64? {
        switch value {
        case let number as NSNumber: number.int64Value
        case let text as String: Int64(text)
        default: nil
        }
    }
}

/// Where an enrollment is in its life.
public enum EnrollmentStatus: String, Sendable, CaseIterable, Codable {
    case active = "Active", paused = "Paused", stopped = "Stopped", completed = "Completed"

    public var isOpen: Bool { self == .active || self == .paused }
}

/// A record enrolled in a cadence, as stored in `cadence_enrollments`.
public struct CadenceEnrollment: Sendable, Equatable {
    public var id: Int64
    public var cadence: String
    public var cadenceVersion: Int
    public var record: CRMRecordRef
    public var accountID: Int64?
    public var owner: String?
    public var status: EnrollmentStatus
    public var currentStep: Int
    public var enrolledOn: CRMDay
    public var pausedOn: CRMDay?
    public var stoppedOn: CRMDay?
    public var stopReason: String?
    public var completedOn: CRMDay?
    public var source: String
}

/// A planned (or done, or cancelled) activity, as stored in `activities`.
public struct CRMActivity: Sendable, Equatable {
    public enum Status: String, Sendable, CaseIterable { case planned = "Planned", done = "Done", cancelled = "Cancelled" }

    public var id: Int64
    public var type: String
    public var subject: String
    public var description: String?
    public var status: Status
    public var dueDate: CRMDay?
    public var owner: String?
    public var accountID: Int64?
    public var enrollmentID: Int64?
    public var stepNumber: Int?
    public var completedAt: String?
    /// The enrollment is paused: the activity stays planned but is not due.
    public var onHold: Bool
}
