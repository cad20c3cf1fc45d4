import Yams

/// `kind: job_kind` — settings of one job kind (the kind's name as `name`):
///
/// ```yaml
/// kind: job_kind
/// name: import
/// crash_limit: 5   # lost leases in a row before the job is quarantined (default 3)
/// redact: [email]  # argument keys the dashboard shows as •••
/// ```
public struct JobKindDefinition: Sendable, Equatable {
    public var name: String
    /// Lost leases in a row, without the handler returning, before a job is discarded as one
    /// that crashes its worker.
    public var crashLimit: Int?
    /// Argument keys (at any depth) whose values pages never show.
    public var redact: Set<String> = []
    var nameReference: WorkflowReference

    static func read(_ document: MappingReader, name: String) -> JobKindDefinition? {
        let crashLimit = document.optional("crash_limit")?.int(in: 1...100, fix: "e.g. crash_limit: 3")
        let redact = document.optional("redact")?.list()?.compactMap { $0.nonEmptyString() } ?? []
        guard let reader = document.optional("name") else { return nil }
        return JobKindDefinition(name: name, crashLimit: crashLimit, redact: Set(redact), nameReference: WorkflowReference(reader))
    }
}
