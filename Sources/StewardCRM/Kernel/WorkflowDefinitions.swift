public import StewardWorkflows
import Synchronization

/// The definitions jobs read at run time; swapped on reload.
public final class WorkflowDefinitions: Sendable {
    private let current: Mutex<WorkflowSet>

    public init(_ set: WorkflowSet) { current = Mutex(set) }

    public func update(_ set: WorkflowSet) { current.withLock { $0 = set } }

    public var set: WorkflowSet { current.withLock { $0 } }
}
