public import StewardCore

/// Which jobs a bulk action touches: the listing's filters, as JSON for the bulk job's arguments.
public struct JobFilter: Sendable, Codable, Equatable {
    public var states: [JobState]
    public var queue: String?
    public var kind: String?
    public var args: [String: String]

    public init(states: [JobState] = [], queue: String? = nil, kind: String? = nil, args: [String: String] = [:]) {
        self.states = states
        self.queue = queue
        self.kind = kind
        self.args = args
    }

    /// The listing parameters of this filter, up to `limit` jobs below `beforeID`.
    public func params(limit: Int, beforeID: JobID? = nil) throws -> JobListParams {
        JobListParams(states: states, queue: queue, kind: kind, limit: limit, beforeID: beforeID,
                      args: try args.keys.sorted().map { try JobArgumentFilter(parsing: "\($0)=\(args[$0]!)") })
    }
}

/// What a bulk action does to each job it matches.
public enum BulkJobAction: String, Sendable, Codable, CaseIterable {
    case retry, cancel
}
