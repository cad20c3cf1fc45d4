import Foundation
import Synchronization
import Yams

/// Collects the issues of one load; readers add to it instead of stopping at the first problem.
final class IssueLog: Sendable {
    private let issues = Mutex<[WorkflowIssue]>([])

    func add(file: String, mark: Mark?, path: String, _ message: String, fix: String? = nil) {
        add(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1, path: path, message, fix: fix)
    }

    func add(file: String, line: Int, column: Int, path: String, _ message: String, fix: String? = nil) {
        let issue = WorkflowIssue(file: file, line: line, column: column, path: path, message: message, fix: fix)
        issues.withLock { $0.append(issue) }
    }

    var all: [WorkflowIssue] {
        issues.withLock { $0 }.sorted { ($0.file, $0.line, $0.column) < ($1.file, $1.line, $1.column) }
    }

    var isEmpty: Bool { issues.withLock { $0.isEmpty } }

    var count: Int { issues.withLock { $0.count } }
}
