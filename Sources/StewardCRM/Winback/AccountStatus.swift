/// How recently an account bought, derived from its transactions.
public enum ActivityStatus: String, Sendable, CaseIterable, Codable {
    case active = "Active", passive = "Passive", inactive = "Inactive", noTransaction = "No Transaction"
}

/// Where an account stands in its life as a customer, derived from transactions and won deals.
public enum TenureStatus: String, Sendable, CaseIterable, Codable {
    case prospect = "Prospect", newCustomer = "New Customer", activeCustomer = "Active Customer"
    case winbackTarget = "Winback Target", newWinbackCustomer = "New Winback Customer"
}

/// The thresholds a winback rule sets, as cut-off days for one scan date. Comparing ISO dates
/// as text against these cut-offs is what lets the scan run as plain indexed SQL.
public struct WinbackThresholds: Sendable, Equatable {
    /// Passive once this many days have passed since the last transaction (default 31).
    public var passiveAfterDays: Int
    /// Inactive once this many days have passed (default 90).
    public var inactiveAfterDays: Int
    /// How long an account counts as a new (or new winback) customer.
    public var newCustomerDays: Int

    public init(passiveAfterDays: Int = 31, inactiveAfterDays: Int = 90, newCustomerDays: Int = 90) {
        self.passiveAfterDays = passiveAfterDays
        self.inactiveAfterDays = inactiveAfterDays
        self.newCustomerDays = newCustomerDays
    }
}

/// An account's derived statuses and their history.
public struct AccountStatusReport: Sendable, Equatable {
    public struct Change: Sendable, Equatable {
        public var asOf: String
        public var activity: String
        public var tenure: String
        public var previousActivity: String?
        public var previousTenure: String?
    }

    public var accountID: Int64
    public var companyName: String?
    public var activity: String?
    public var tenure: String?
    public var lastTransaction: String?
    public var statusSince: String?
    public var history: [Change]
}

/// What one scan changed.
public struct WinbackScanResult: Sendable, Equatable {
    public var asOf: CRMDay
    public var accounts: Int
    public var changed: Int
    public var flagged: [Int64]
    public var reactivated: [Int64]
    public var enrollments: [Int64]
}
