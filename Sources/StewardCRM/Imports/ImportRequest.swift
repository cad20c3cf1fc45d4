import StewardCore
public import StewardWorkflows

/// What a front end checks before it submits an import, in one place for all of them: the
/// profile exists, and the batch size is in range.
public enum ImportRequest {
    /// The profile named `name` in `set`, or an error listing the defined ones (`source` says
    /// where they were looked for).
    public static func profile(_ name: String, in set: WorkflowSet, source: String) throws -> ImportProfileDefinition {
        guard let profile = set.imports[name] else {
            throw StewardError(.invalidArguments, "no import profile named '\(name)' in \(source)",
                               fix: set.imports.isEmpty ? "add a `kind: import` file" : "defined: \(set.imports.keys.sorted().joined(separator: ", "))")
        }
        return profile
    }

    /// A batch size the import job accepts (see `ImportRunner.batchSizes`).
    public static func checkBatchSize(_ size: Int?) throws {
        guard let size, !ImportRunner.batchSizes.contains(size) else { return }
        throw StewardError(.invalidArguments, "--batch-size must be between 1 and 50000", fix: "try 5000")
    }
}
