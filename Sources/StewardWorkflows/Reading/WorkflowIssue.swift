import Foundation
import Yams
/// One problem in a workflow file: where it is (file, line, column, key path), what is wrong,
/// and how to fix it.
public struct WorkflowIssue: Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    /// Dotted key path inside the document, e.g. `steps[2].day`; empty for the document itself.
    public var path: String
    public var message: String
    public var fix: String?

    public init(file: String, line: Int, column: Int, path: String, message: String, fix: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.path = path
        self.message = message
        self.fix = fix
    }

    /// `Workflows/a.yml:4:9: steps[1].day: expected a whole number, got 'two' (write e.g. 2)`
    public var description: String {
        let place = path.isEmpty ? "" : "\(path): "
        let hint = fix.map { " (\($0))" } ?? ""
        return "\(file):\(line):\(column): \(place)\(message)\(hint)"
    }
}

/// Every issue found in a directory, reported at once.
public struct WorkflowValidationError: Error, Sendable, CustomStringConvertible {
    public var issues: [WorkflowIssue]

    public init(issues: [WorkflowIssue]) { self.issues = issues }

    public var description: String { issues.map(\.description).joined(separator: "\n") }
}
