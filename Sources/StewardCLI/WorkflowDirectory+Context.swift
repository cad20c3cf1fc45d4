import StewardApp
import StewardWorkflows

extension WorkflowDirectory {
    /// Loads the directory with the command's environment, printing each issue on stderr.
    static func load(_ directory: String, required: Bool, context: CommandContext) throws -> WorkflowSet? {
        try load(directory, required: required, environment: context.environment) { issue in
            context.errorOutput.write("\(issue)\n")
        }
    }
}
