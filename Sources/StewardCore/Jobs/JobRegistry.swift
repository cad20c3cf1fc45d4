/// The job kinds a process knows how to run, by name.
public struct JobRegistry: Sendable {
    public private(set) var kinds: [String: JobKind] = [:]

    public init(_ kinds: [JobKind] = []) {
        for kind in kinds { register(kind) }
    }

    public mutating func register(_ kind: JobKind) {
        kinds[kind.name] = kind
    }

    public subscript(name: String) -> JobKind? { kinds[name] }

    /// The same kinds, with the crash limits given (by kind name) in place of their own.
    public func withCrashLimits(_ limits: [String: Int]) -> JobRegistry {
        var registry = self
        for (name, limit) in limits { registry.kinds[name]?.crashLimit = limit }
        return registry
    }

    public var names: [String] { kinds.keys.sorted() }

    /// The kinds' give-up hooks, for the store to run when it discards or cancels their jobs.
    public var giveUpHooks: JobGiveUpHooks {
        JobGiveUpHooks(kinds.compactMapValues(\.onGiveUp))
    }

    /// The kind, or an error listing the known ones.
    public func require(_ name: String) throws -> JobKind {
        guard let kind = kinds[name] else {
            throw StewardError(
                .unknownKind, "unknown job kind '\(name)'",
                fix: "known kinds: \(names.joined(separator: ", "))"
            )
        }
        return kind
    }

    /// Fills in what a new job leaves to its kind (max attempts), after checking the kind exists
    /// and accepts the arguments.
    public func prepare(_ job: NewJob) throws -> NewJob {
        try job.checkQueue()
        try require(job.kind).checkArguments?(job.args)
        return withKindDefaults(job)
    }

    /// What the kind decides when the job leaves it open (max attempts); a job of a kind this
    /// registry does not know is returned as it is.
    public func withKindDefaults(_ job: NewJob) -> NewJob {
        guard job.maxAttempts == nil, let kind = kinds[job.kind] else { return job }
        var job = job
        job.maxAttempts = kind.retryPolicy.maxAttempts
        return job
    }
}
