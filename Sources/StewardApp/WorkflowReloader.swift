import Logging
import ServiceLifecycle
import StewardCore
import StewardSQLite
import StewardWorkflows
import StewardCRM
import UnixSignals

/// Reloads the workflow files on SIGHUP. A valid directory replaces the definitions (what the
/// API and the kinds read) and the scheduler's schedules and event routes when this process runs
/// them (an API-only `serve --no-workers` has neither); an invalid one keeps the running
/// definitions and logs every issue.
struct WorkflowReloader: Service, CustomStringConvertible {
    let directory: String
    let scheduler: Scheduler?
    let dispatcher: EventDispatcher?
    let definitions: WorkflowDefinitions
    let store: SQLiteJobStore
    let clock: any JobClock
    let environment: [String: String]
    let logger: Logger

    /// What service logs print for it: never its environment, which holds secrets.
    var description: String { "WorkflowReloader(directory: \(directory))" }

    func run() async throws {
        let hangups = await UnixSignalsSequence(trapping: .sighup)
        logger.info("SIGHUP reloads the workflow files", metadata: ["directory": "\(directory)"])
        for await _ in hangups.cancelOnGracefulShutdown() {
            await reload()
        }
    }

    private func reload() async {
        do {
            let set = try WorkflowDirectory.load(directory, required: true, environment: environment) { issue in
                logger.error("workflow file problem", metadata: ["issue": "\(issue)"])
            }
            if let set { definitions.update(set) }
            if let set { await CadenceSync.onLoad(set, store: store, now: clock.now(), logger: logger) }
            scheduler?.update(set.map(WorkflowDirectory.scheduledJobs) ?? [])
            if let set { dispatcher?.update(WorkflowDirectory.eventRoutes(set, runnable: JobKinds.names).routes) }
            logger.notice("workflow files reloaded", metadata: ["directory": "\(directory)", "schedules": "\(set?.schedules.count ?? 0)"])
        } catch {
            logger.error("workflow reload failed; keeping the previous definitions", metadata: ["error": "\(error)"])
        }
    }
}
