/// An account a winback scan found newly inactive: the history row that flagged it, with who
/// owns the account now.
public struct WinbackFlag: Sendable, Equatable {
    /// The `account_status_history` row; pages go by it, newest first.
    public var historyID: Int64
    public var accountID: Int64
    public var companyName: String?
    public var owner: String?
    /// The scan's day.
    public var asOf: String
    /// What the account was before (`Active`, `Passive`, or nil before its first scan).
    public var previousActivity: String?
    public var tenure: String
}
