public import Foundation
public import StewardCRM
public import StewardWorkflows

/// A webhook endpoint as people see it: its definition and stored state, deliveries by status,
/// and how many of the last day's attempts were answered 2xx.
public struct WebhookEndpointStatus: Sendable {
    public enum State: String, Sendable {
        case enabled, disabled
        /// `enabled: false` in its file.
        case offInFile = "off_in_file"
        /// Deliveries remain, but no file defines it any more.
        case removed
    }

    public var name: String
    public var definition: WebhookDefinition?
    public var stored: WebhookEndpointState?
    public var deliveries: [String: Int]
    public var attemptsLastDay: Int
    public var succeededLastDay: Int
    /// Requests being sent now, across every process (see `concurrency` for the limit).
    public var inFlight: Int

    public var state: State {
        guard let definition else { return .removed }
        if !definition.enabled { return .offInFile }
        return stored?.enabled == false ? .disabled : .enabled
    }

    /// Scheme, host and path: credentials (user:password@) and a query string may carry secrets.
    public var displayURL: String {
        guard let url = definition?.url, var parts = URLComponents(url: url, resolvingAgainstBaseURL: false) else { return "" }
        parts.query = nil
        parts.user = nil
        parts.password = nil
        return parts.string ?? ""
    }

    /// Share of the last day's attempts answered 2xx (nil without attempts).
    public var successRateLastDay: Double? {
        attemptsLastDay == 0 ? nil : Double(succeededLastDay) / Double(attemptsLastDay)
    }

    public var failingSince: Date? { stored?.firstFailureAt }

    /// The requests this endpoint may have in flight in each process (its file's `concurrency`).
    public var concurrency: Int? { definition?.concurrency }
}
