import Foundation
import Logging
import StewardCore
import StewardCRM
import StewardSQLite
import StewardWorkflows

/// The kinds this build of `steward` runs.
enum JobKinds {
    static func registry(store: SQLiteJobStore, definitions: WorkflowDefinitions = WorkflowDefinitions(WorkflowSet()),
                         exportsDirectory: String = "exports", clock: any JobClock = SystemClock(), logger: Logger = Logger(label: "steward")) -> JobRegistry {
        let runner = ExportRunner(store: store, directory: URL(fileURLWithPath: exportsDirectory), logger: logger)
        let imports = ImportKind.make(store: store, clock: clock, logger: logger)
        let deliverer = WebhookDeliverer(store: store, definitions: definitions, clock: clock, userAgent: userAgent, logger: logger)
        return JobRegistry(BuiltinKinds.all + [ProbeKind.make(store: store), ExportKind.make(runner: runner, definitions: definitions, clock: clock), imports]
            + CadenceKinds.make(store: store, definitions: definitions, clock: clock) + [WinbackKind.make(store: store, definitions: definitions, clock: clock)]
            + [WebhookDeliveryKind.make(deliverer: deliverer)])
    }

    /// Kind names are known without a store, so input can be checked before any file is opened.
    static let names: Set<String> = Set(BuiltinKinds.all.map(\.name) + [ProbeKind.name, ExportKind.name, ImportKind.name] + CadenceJobs.kinds
                                        + [WinbackKind.name, WebhookDeliveryKind.name])

    /// What webhook requests call themselves.
    static let userAgent = "Steward/\(StewardVersion.current)"

    static func requireKnown(_ kind: String) throws {
        guard names.contains(kind) else {
            throw StewardError(.unknownKind, "unknown job kind '\(kind)'", fix: "known kinds: \(names.sorted().joined(separator: ", "))")
        }
    }
}
