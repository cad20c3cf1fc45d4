public import StewardCore

extension StewardError.Code {
    /// A CRM record (account, opportunity, target, activity, enrollment) that does not exist.
    public static let recordNotFound = Self(rawValue: "record_not_found")
    /// A CRM change whose input is wrong: a missing reason, a negative amount, a bad date.
    public static let invalidChange = Self(rawValue: "invalid_change")
    /// A record in a final state (a closed opportunity, a converted or dropped target) that a
    /// cadence must not start for.
    public static let recordClosed = Self(rawValue: "record_closed")
    /// A winback scan dated before the latest recorded one: statuses only move forward.
    public static let staleScan = Self(rawValue: "stale_scan")
}

enum CRMErrors {
    static func notFound(_ what: String, _ id: Int64, fix: String) -> StewardError {
        StewardError(.recordNotFound, "no \(what) \(id)", fix: fix)
    }
}
