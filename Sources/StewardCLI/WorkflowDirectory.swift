import Foundation
import StewardCore
import StewardWorkflows

/// Loading the workflow directory for commands that act on it.
enum WorkflowDirectory {
    /// The loaded set; nil when the directory is absent and was not asked for explicitly.
    /// Problems throw one error after every issue line is printed.
    static func load(_ directory: String, required: Bool, context: CommandContext) throws -> WorkflowSet? {
        var isDirectory: ObjCBool = false
        if !required, !FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) { return nil }
        do {
            return try WorkflowLoader(environment: context.environment, jobKinds: JobKinds.names).load(directory: directory)
        } catch let error as WorkflowValidationError {
            for issue in error.issues { context.errorOutput.write("\(issue)\n") }
            let count = error.issues.count
            throw StewardError(.invalidWorkflows, "\(directory): \(count) problem\(count == 1 ? "" : "s") in workflow files",
                               fix: "fix the lines above; steward validate \(directory) checks them")
        }
    }

    static func scheduledJobs(_ set: WorkflowSet) -> [ScheduledJob] {
        set.schedules.values.map(\.scheduledJob)
    }
}
