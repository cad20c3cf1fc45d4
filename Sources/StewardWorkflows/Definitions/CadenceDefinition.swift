import Foundation
import Yams
/// `kind: cadence` — a sequence of planned activities with day offsets.
public struct CadenceDefinition: Sendable, Equatable {
    public enum DayCounting: String, Sendable, CaseIterable { case calendar, business }
    public enum Generation: String, Sendable, CaseIterable { case upfront, stepwise }
    public enum LateSteps: String, Sendable, CaseIterable { case shift, keep }
    public enum ActivityType: String, Sendable, CaseIterable { case call, email, task, meeting }

    public struct Step: Sendable, Equatable {
        public var day: Int
        public var type: ActivityType
        public var subject: String
        public var description: String?

        public init(day: Int, type: ActivityType, subject: String, description: String? = nil) {
            self.day = day
            self.type = type
            self.subject = subject
            self.description = description
        }
    }

    public var name: String
    public var enrollOn: EventName?
    public var days: DayCounting
    public var generate: Generation
    public var lateSteps: LateSteps
    public var steps: [Step]
    public var stopOn: [EventName]

    static func read(_ document: MappingReader, name: String) -> CadenceDefinition? {
        // A value that fails to read logs an issue; the loader drops documents with issues, so
        // defaults here only stand in for keys that were left out.
        let enrollOn = document.optional("enroll_on")?.event()
        let days = document.optional("days")?.choice(DayCounting.self) ?? .calendar
        let generate = document.optional("generate")?.choice(Generation.self) ?? .upfront
        let lateSteps = document.optional("late_steps")?.choice(LateSteps.self) ?? .keep
        let steps = document.required("steps", fix: "list the steps, e.g. - { day: 0, type: call, subject: First call }").flatMap(readSteps)
        let stopOn = document.optional("stop_on")?.events() ?? []
        guard let steps else { return nil }
        return CadenceDefinition(name: name, enrollOn: enrollOn, days: days, generate: generate, lateSteps: lateSteps, steps: steps, stopOn: stopOn)
    }

    private static func readSteps(_ reader: ValueReader) -> [Step]? {
        guard let items = reader.list() else { return nil }
        guard !items.isEmpty else {
            reader.issue("a cadence needs at least one step")
            return nil
        }
        let steps = items.map(readStep)
        guard !steps.contains(nil) else { return nil }
        return checkOrder(steps.compactMap { $0 }, items: items)
    }

    private static func readStep(_ reader: ValueReader) -> Step? {
        guard let step = reader.mapping() else { return nil }
        defer { step.finish() }
        let day = step.required("day")?.int(in: 0...3650, fix: "days count from enrollment: 0, 2, 5 …")
        let type = step.required("type")?.choice(ActivityType.self)
        let subject = step.required("subject")?.nonEmptyString().flatMap { checkFields($0, step.required("subject")) }
        let description = step.optional("description")?.string().flatMap { checkFields($0, step.optional("description")) }
        guard let day, let type, let subject else { return nil }
        return Step(day: day, type: type, subject: subject, description: description)
    }

    /// Template fields (`{{account.company_name}}`) must name an allow-listed field of the
    /// enrolled record or its account, so a typo shows up at load time, not as a blank subject.
    private static func checkFields(_ text: String, _ reader: ValueReader?) -> String? {
        var rest = Substring(text)
        while let open = rest.range(of: "{{"), let close = rest[open.upperBound...].range(of: "}}") {
            let field = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            rest = rest[close.upperBound...]
            guard !templateFields.contains(field) else { continue }
            reader?.issue("unknown template field '{{\(field)}}'", fix: "use record fields such as {{account.company_name}}, {{opportunity.amount}}, {{contact.first_name}}, {{target.company_name}}")
            return nil
        }
        return text
    }

    /// `prefix.field` names templates may use.
    public static let templateFields: Set<String> = {
        let prefixes: [(String, Entity)] = [("account", .accounts), ("opportunity", .opportunities), ("contact", .contacts), ("target", .prospectingTargets)]
        return Set(prefixes.flatMap { prefix, entity in entity.fields.map { "\(prefix).\($0)" } })
    }()

    /// Steps run in the order written, so their days may not go backwards.
    private static func checkOrder(_ steps: [Step], items: [ValueReader]) -> [Step]? {
        for index in steps.indices.dropFirst() where steps[index].day < steps[index - 1].day {
            items[index].issue("day \(steps[index].day) comes before the previous step's day \(steps[index - 1].day)",
                               fix: "list steps in day order")
            return nil
        }
        return steps
    }
}
