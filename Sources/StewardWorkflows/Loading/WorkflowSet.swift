import Foundation
import Yams
/// Everything a workflow directory defines, by kind and name, validated as a whole.
public struct WorkflowSet: Sendable, Equatable {
    public var cadences: [String: CadenceDefinition] = [:]
    public var winbacks: [String: WinbackDefinition] = [:]
    public var exports: [String: ExportDefinition] = [:]
    public var webhooks: [String: WebhookDefinition] = [:]
    public var imports: [String: ImportProfileDefinition] = [:]
    public var schedules: [String: ScheduleDefinition] = [:]
    public var triggers: [String: TriggerDefinition] = [:]
    /// Settings of job kinds, by kind name.
    public var jobKinds: [String: JobKindDefinition] = [:]

    public init() {}

    /// One line per kind, for `steward validate`.
    public var summary: [String] {
        let names: [(WorkflowKind, [String])] = [
            (.cadence, Array(cadences.keys)), (.winback, Array(winbacks.keys)), (.export, Array(exports.keys)),
            (.webhook, Array(webhooks.keys)), (.import, Array(imports.keys)), (.schedule, Array(schedules.keys)),
            (.trigger, Array(triggers.keys)), (.jobKind, Array(jobKinds.keys)),
        ]
        let lines = names.filter { !$0.1.isEmpty }.map { kind, names in
            "\(names.count) \(kind.rawValue)\(names.count == 1 ? "" : "s"): \(names.sorted().joined(separator: ", "))"
        }
        return lines + switchedOffEndpoints.map { "webhook \($0) is switched off in its file (enabled: false): no deliveries are made for it" }
    }

    /// Endpoints with `enabled: false`, by name.
    public var switchedOffEndpoints: [String] {
        webhooks.values.filter { !$0.enabled }.map(\.name).sorted()
    }
}

/// The document kinds a workflow file may hold.
public enum WorkflowKind: String, Sendable, CaseIterable {
    case cadence, winback, export, webhook, `import`, schedule, trigger
    case jobKind = "job_kind"
}
