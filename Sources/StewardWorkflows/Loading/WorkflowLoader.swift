public import Foundation
import StewardCore
import Yams

/// Loads every `*.yml`/`*.yaml` file under a directory into a `WorkflowSet`, or throws a
/// `WorkflowValidationError` listing every issue of the directory at once. Runs nothing.
public struct WorkflowLoader: Sendable {
    public var environment: [String: String]
    /// Job kinds the running process can execute; schedules and triggers naming others are
    /// reported. Nil skips the check.
    public var jobKinds: Set<String>?

    public init(environment: [String: String] = ProcessInfo.processInfo.environment, jobKinds: Set<String>? = nil) {
        self.environment = environment
        self.jobKinds = jobKinds
    }

    public func load(directory: String) throws -> WorkflowSet {
        let files = try WorkflowFiles.list(in: directory)
        return try load(files: files.map { ($0, try WorkflowFiles.read($0)) })
    }

    /// Loads files given as (path, contents): the path only labels issues.
    public func load(files: [(path: String, text: String)]) throws -> WorkflowSet {
        let log = IssueLog()
        var builder = WorkflowSetBuilder(log: log)
        for (path, text) in files {
            for document in documents(text, file: path, log: log) {
                builder.add(document, environment: environment)
            }
        }
        builder.checkReferences(jobKinds: jobKinds)
        guard log.isEmpty else { throw WorkflowValidationError(issues: log.all) }
        return builder.set
    }

    private func documents(_ text: String, file: String, log: IssueLog) -> [ValueReader] {
        do {
            // compose_all is lazy and keeps a syntax error on the sequence instead of throwing.
            var sequence = try Yams.compose_all(yaml: text)
            var nodes: [Node] = []
            // An empty document (a trailing `---`) defines nothing and is not an error.
            while let node = sequence.next() {
                if let scalar = node.scalar, scalar.string.isEmpty { continue }
                nodes.append(node)
            }
            if let error = sequence.error { throw error }
            return nodes.map { ValueReader(node: $0, path: "", file: file, log: log, environment: environment) }
        } catch let error as YamlError {
            let (mark, problem) = YAMLErrorPosition.describe(error)
            log.add(file: file, mark: mark, path: "", "not valid YAML: \(problem)", fix: "check indentation and quoting near this line")
            return []
        } catch {
            log.add(file: file, mark: nil, path: "", "cannot be read: \(error)")
            return []
        }
    }
}

enum YAMLErrorPosition {
    static func describe(_ error: YamlError) -> (Mark?, String) {
        switch error {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            return (mark, problem)
        case let .duplicatedKeysInMapping(duplicates, context):
            return (context.mark, "duplicate key \(duplicates.joined(separator: ", "))")
        default:
            return (nil, "\(error)")
        }
    }
}
