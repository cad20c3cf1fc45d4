import Foundation
public import StewardCore
public import StewardWorkflows
import StewardCRM

/// The workflow directory, and what the engine derives from it: schedules and event routes.
public enum WorkflowDirectory {
    /// The loaded set; nil when the directory is absent and was not asked for explicitly.
    /// Problems throw one error after every issue has been handed to `report`.
    public static func load(_ directory: String, required: Bool, environment: [String: String],
                            report: (WorkflowIssue) -> Void) throws -> WorkflowSet? {
        var isDirectory: ObjCBool = false
        if !required, !FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) { return nil }
        do {
            return try WorkflowLoader(environment: environment, jobKinds: JobKinds.names).load(directory: directory)
        } catch let error as WorkflowValidationError {
            for issue in error.issues { report(issue) }
            let count = error.issues.count
            throw StewardError(.invalidWorkflows, "\(directory): \(count) problem\(count == 1 ? "" : "s") in workflow files",
                               fix: "fix the lines above; steward validate \(directory) checks them")
        }
    }

    /// Schedules, plus exports that have a schedule.
    public static func scheduledJobs(_ set: WorkflowSet) -> [ScheduledJob] {
        set.schedules.values.map(\.scheduledJob) + set.exports.values.compactMap(ExportKind.scheduledJob)
            + set.winbacks.values.compactMap(WinbackKind.scheduledJob)
    }

    /// Who listens to which event: trigger actions, cadences' `enroll_on` and `stop_on`, webhook endpoints;
    /// `notRunnable` names those whose job kind this build cannot run yet.
    public static func eventRoutes(_ set: WorkflowSet, runnable: Set<String>) -> (routes: [EventRoute], notRunnable: [String]) {
        var routes: [EventRoute] = []
        for trigger in set.triggers.values.sorted(by: { $0.name < $1.name }) {
            for (index, action) in trigger.actions.enumerated() {
                routes.append(EventRoute(name: "trigger:\(trigger.name):\(index)", event: trigger.on.rawValue, job: job(for: action)))
            }
        }
        for cadence in set.cadences.values.sorted(by: { $0.name < $1.name }) {
            guard let event = cadence.enrollOn else { continue }
            routes.append(EventRoute(name: "cadence:\(cadence.name)", event: event.rawValue, job: enrollJob(cadence.name)))
        }
        routes += set.cadences.values.sorted { $0.name < $1.name }.flatMap(CadenceJobs.stopRoutes)
        for endpoint in set.webhooks.values.sorted(by: { $0.name < $1.name }) where endpoint.enabled {
            let job = NewJob(kind: WebhookDeliveryKind.name, queue: WebhookDeliveryKind.queue).addingArguments(["endpoint": endpoint.name])
            routes += endpoint.events.map { EventRoute(name: "webhook:\(endpoint.name)", event: $0.rawValue, job: job) }
        }
        let notRunnable = Set(routes.filter { !runnable.contains($0.job.kind) }.map(\.name)).sorted()
        return (routes, notRunnable)
    }

    private static func job(for action: TriggerDefinition.Action) -> NewJob {
        switch action {
        case let .enqueue(template):
            NewJob(kind: template.kind, args: template.args, queue: template.queue, priority: template.priority, maxAttempts: template.maxAttempts)
        case let .enroll(cadence, _):
            enrollJob(cadence)
        }
    }

    private static func enrollJob(_ cadence: String) -> NewJob {
        NewJob(kind: CadenceJobs.enroll, queue: CadenceJobs.queue).addingArguments(["cadence": cadence])
    }
}
