public import Foundation

/// What a token may do. Each role includes the ones below it.
public enum APIRole: String, Sendable, CaseIterable, Comparable {
    /// Reads only.
    case viewer
    /// Also imports, retries, cancels, redeliveries, export runs.
    case `operator`
    /// Also tokens, events, endpoints, queue pauses.
    case admin

    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// A token as stored: never the secret itself.
public struct APIToken: Sendable, Equatable {
    public var id: Int64
    public var name: String
    public var role: APIRole
    /// The secret's first characters, to tell tokens apart.
    public var prefix: String
    public var createdAt: Date
    public var createdBy: String?
    public var lastUsedAt: Date?
    public var revokedAt: Date?
}
