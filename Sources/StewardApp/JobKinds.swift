import Foundation
public import Logging
public import StewardCore
public import StewardCRM
public import StewardSQLite
public import StewardWorkflows

/// The kinds this build of `steward` runs.
public enum JobKinds {
    public static func registry(store: SQLiteJobStore, definitions: WorkflowDefinitions = WorkflowDefinitions(WorkflowSet()),
                         exportsDirectory: String = "exports", clock: any JobClock = SystemClock(), logger: Logger = Logger(label: "steward")) -> JobRegistry {
        let runner = ExportRunner(store: store, directory: URL(fileURLWithPath: exportsDirectory), logger: logger)
        let imports = ImportKind.make(store: store, clock: clock, logger: logger)
        let deliverer = WebhookDeliverer(store: store, definitions: definitions, clock: clock, userAgent: userAgent, logger: logger)
        var registry = JobRegistry(BuiltinKinds.all + [ProbeKind.make(store: store), ExportKind.make(runner: runner, definitions: definitions, clock: clock), imports]
            + CadenceKinds.make(store: store, definitions: definitions, clock: clock) + [WinbackKind.make(store: store, definitions: definitions, clock: clock)]
            + [WebhookDeliveryKind.make(deliverer: deliverer)])
        // A bulk cancel runs every other kind's give-up hook; it has none of its own.
        registry.register(BulkJobsKind.make(store: store, hooks: registry.giveUpHooks, clock: clock))
        return registry
    }

    /// Kind names are known without a store, so input can be checked before any file is opened.
    public static let names: Set<String> = Set(BuiltinKinds.all.map(\.name) + [ProbeKind.name, ExportKind.name, ImportKind.name] + CadenceJobs.kinds
                                        + [WinbackKind.name, WebhookDeliveryKind.name, BulkJobsKind.name])

    /// What webhook requests call themselves.
    public static let userAgent = "Steward/\(StewardVersion.current)"

    /// The kinds' own argument checks, known without a store, so `enqueue` refuses bad
    /// arguments before any file is opened; the registry's kinds carry the same checks.
    public static let argumentChecks: [String: JobArgumentCheck] = {
        var checks: [String: JobArgumentCheck] = [ImportKind.name: ImportKind.checkArguments, ExportKind.name: ExportKind.checkArguments,
                                                  WinbackKind.name: WinbackKind.checkArguments, WebhookDeliveryKind.name: WebhookDeliveryKind.checkArguments,
                                                  CadenceJobs.generate: CadenceKinds.checkGenerateArguments,
                                                  CadenceJobs.enroll: CadenceKinds.checkEventArguments(CadenceJobs.enroll),
                                                  CadenceJobs.stop: CadenceKinds.checkEventArguments(CadenceJobs.stop),
                                                  BulkJobsKind.name: BulkJobsKind.checkArguments]
        for kind in BuiltinKinds.all { checks[kind.name] = kind.checkArguments }
        return checks
    }()

    public static func requireKnown(_ kind: String) throws {
        guard names.contains(kind) else {
            throw StewardError(.unknownKind, "unknown job kind '\(kind)'", fix: "known kinds: \(names.sorted().joined(separator: ", "))")
        }
    }

    /// The kind exists and accepts `args`.
    public static func check(_ kind: String, args: String) throws {
        try requireKnown(kind)
        try argumentChecks[kind]?(args)
    }
}
