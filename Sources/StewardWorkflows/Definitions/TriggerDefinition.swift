import Foundation
import Yams
/// `kind: trigger` — when an event happens, enqueue jobs or enroll into a cadence.
public struct TriggerDefinition: Sendable, Equatable {
    public enum Action: Sendable, Equatable {
        case enqueue(JobTemplate)
        /// Enroll the event's record into the named cadence.
        case enroll(cadence: String, reference: WorkflowReference)
    }

    public var name: String
    public var on: EventName
    public var actions: [Action]

    static func read(_ document: MappingReader, name: String) -> TriggerDefinition? {
        let on = document.required("on", fix: "name the event, e.g. on: opportunity.created")?.event()
        let actions = document.required("actions", fix: "e.g. actions: [{ enqueue: { kind: noop } }]").flatMap(readActions)
        guard let on, let actions else { return nil }
        return TriggerDefinition(name: name, on: on, actions: actions)
    }

    private static func readActions(_ reader: ValueReader) -> [Action]? {
        guard let items = reader.list() else { return nil }
        if items.isEmpty { reader.issue("a trigger needs at least one action") }
        let actions = items.map(readAction)
        return actions.contains(nil) ? nil : actions.compactMap { $0 }
    }

    /// Each action is a mapping with exactly one key: `enqueue` or `enroll`.
    private static func readAction(_ reader: ValueReader) -> Action? {
        guard let action = reader.mapping() else { return nil }
        defer { action.finish() }
        let enqueue = action.optional("enqueue")
        let enroll = action.optional("enroll")
        switch (enqueue, enroll) {
        case let (enqueue?, nil):
            return JobTemplate.read(enqueue).map(Action.enqueue)
        case let (nil, enroll?):
            return enroll.nonEmptyString().map { .enroll(cadence: $0, reference: WorkflowReference(enroll)) }
        default:
            reader.issue("an action has exactly one of 'enqueue' or 'enroll'", fix: "e.g. - enroll: lead-follow-up")
            return nil
        }
    }
}
