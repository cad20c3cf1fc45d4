public import Foundation
public import StewardApp
public import StewardCore
public import StewardSQLite
public import StewardWorkflows
public import StewardCRM

/// What the routes call: the composition root's services over one store, the workflow files
/// (import profiles), the live metrics and the readiness checks. Routes hold no rule of their own.
public struct APIServices: Sendable {
    public let store: SQLiteJobStore
    public let clock: any JobClock
    /// The workflow files as loaded now (a SIGHUP reload swaps them while the server runs).
    public let definitions: WorkflowDefinitions
    public var workflows: WorkflowSet { definitions.set }
    public let metricsText: @Sendable () -> String
    public var readiness: Readiness
    /// The kinds' give-up hooks, run when a job is cancelled here.
    public let hooks: JobGiveUpHooks
    /// The largest upload accepted (413 beyond it).
    public var maxUploadBytes: Int
    /// Where export files are written (and downloaded from).
    public var exportsDirectory: URL
    /// The queues this process's workers serve: listed (and pausable) even while empty.
    public var servedQueues: [String] = []
    /// Tokens checked in the last second (see `TokenCache`).
    let tokenCache: TokenCache

    public init(store: SQLiteJobStore, clock: any JobClock, workflows: WorkflowSet, metricsText: @escaping @Sendable () -> String,
                readiness: Readiness? = nil, hooks: JobGiveUpHooks? = nil, maxUploadBytes: Int = 512 << 20,
                exportsDirectory: URL = URL(fileURLWithPath: "exports")) {
        self.init(store: store, clock: clock, definitions: WorkflowDefinitions(workflows), metricsText: metricsText, readiness: readiness,
                  hooks: hooks, maxUploadBytes: maxUploadBytes, exportsDirectory: exportsDirectory)
    }

    public init(store: SQLiteJobStore, clock: any JobClock, definitions: WorkflowDefinitions, metricsText: @escaping @Sendable () -> String,
                readiness: Readiness? = nil, hooks: JobGiveUpHooks? = nil, maxUploadBytes: Int = 512 << 20,
                exportsDirectory: URL = URL(fileURLWithPath: "exports")) {
        self.store = store
        self.clock = clock
        self.definitions = definitions
        self.metricsText = metricsText
        self.readiness = readiness ?? Readiness(store: store, clock: clock)
        self.maxUploadBytes = maxUploadBytes
        self.exportsDirectory = exportsDirectory
        tokenCache = TokenCache(clock: clock)
        self.hooks = hooks ?? JobKinds.registry(store: store, clock: clock).giveUpHooks
    }

    var tokens: TokenService { TokenService(store: store, clock: clock) }
    var queues: QueueService { QueueService(store: store, known: servedQueues) }
    var imports: ImportService { ImportService(store: store, clock: clock) }
    var activity: ActivityService { ActivityService(store: store) }
    var jobs: JobService { JobService(store: store, clock: clock, hooks: hooks) }
    var schedules: ScheduleService { ScheduleService(store: store, clock: clock, workflows: workflows) }
    var exports: ExportService { ExportService(store: store, clock: clock, workflows: workflows, directory: exportsDirectory) }
    var events: EventService { EventService(store: store, clock: clock) }
    var sessions: SessionService { SessionService(store: store, clock: clock) }
    var webhooks: WebhookService { WebhookService(store: store, clock: clock, workflows: workflows) }
}
