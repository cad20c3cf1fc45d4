import StewardApp
import ArgumentParser
import StewardCore
import StewardWorkflows

/// `steward validate [DIR]`: every problem in the workflow files at once, or what they define.
struct ValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "validate", abstract: "Check the workflow files and summarise what they define.")

    @Argument(help: "Directory of workflow files (default ./Workflows).")
    var directory = "Workflows"

    func run() async throws {
        let context = CommandContext.current
        guard let set = try WorkflowDirectory.load(directory, required: true, context: context) else { return }
        context.print("\(directory): valid")
        for line in set.summary { context.print("  \(line)") }
    }
}
