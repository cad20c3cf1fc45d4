import Foundation
import StewardCore
import Yams

/// Reads documents one by one into a `WorkflowSet`: dispatch by `kind`, one name per kind, and
/// the references between definitions once all are read.
struct WorkflowSetBuilder {
    let log: IssueLog
    var set = WorkflowSet()
    private var seen: [String: WorkflowReference] = [:]

    init(log: IssueLog) { self.log = log }

    mutating func add(_ document: ValueReader, environment: [String: String]) {
        guard let mapping = document.mapping() else { return }
        let before = log.count
        let kind = mapping.required("kind", fix: "e.g. kind: cadence")?.choice(WorkflowKind.self)
        let nameReader = mapping.required("name", fix: "give it a name, e.g. name: weekly-pipeline")
        let name = nameReader?.definitionName()
        // With no readable kind the other keys cannot be judged; the kind's issue says enough.
        guard let kind, let name, let nameReader else { return }
        let definition = read(kind, mapping, name: name)
        mapping.finish()
        // A document with any issue is left out whole: half a definition never runs.
        guard log.count == before, let definition else { return }
        guard claim(kind: kind, name: name, at: nameReader) else { return }
        store(definition)
    }

    private enum Definition {
        case cadence(CadenceDefinition), winback(WinbackDefinition), export(ExportDefinition), webhook(WebhookDefinition)
        case profile(ImportProfileDefinition), schedule(ScheduleDefinition), trigger(TriggerDefinition), jobKind(JobKindDefinition)
    }

    private func read(_ kind: WorkflowKind, _ mapping: MappingReader, name: String) -> Definition? {
        switch kind {
        case .cadence: CadenceDefinition.read(mapping, name: name).map(Definition.cadence)
        case .winback: WinbackDefinition.read(mapping, name: name).map(Definition.winback)
        case .export: ExportDefinition.read(mapping, name: name).map(Definition.export)
        case .webhook: WebhookDefinition.read(mapping, name: name).map(Definition.webhook)
        case .import: ImportProfileDefinition.read(mapping, name: name).map(Definition.profile)
        case .schedule: ScheduleDefinition.read(mapping, name: name).map(Definition.schedule)
        case .trigger: TriggerDefinition.read(mapping, name: name).map(Definition.trigger)
        case .jobKind: JobKindDefinition.read(mapping, name: name).map(Definition.jobKind)
        }
    }

    private mutating func store(_ definition: Definition) {
        switch definition {
        case let .cadence(value): set.cadences[value.name] = value
        case let .winback(value): set.winbacks[value.name] = value
        case let .export(value): set.exports[value.name] = value
        case let .webhook(value): set.webhooks[value.name] = value
        case let .profile(value): set.imports[value.name] = value
        case let .schedule(value): set.schedules[value.name] = value
        case let .trigger(value): set.triggers[value.name] = value
        case let .jobKind(value): set.jobKinds[value.name] = value
        }
    }

    /// Names are unique per kind across the directory.
    private mutating func claim(kind: WorkflowKind, name: String, at reader: ValueReader) -> Bool {
        let key = "\(kind.rawValue)/\(name)"
        if let first = seen[key] {
            reader.issue("a \(kind.rawValue) named '\(name)' is already defined at \(first.file):\(first.line)", fix: "rename one of them")
            return false
        }
        seen[key] = WorkflowReference(reader)
        return true
    }

    /// Cadences named by winback rules and triggers must exist; job kinds must be runnable.
    mutating func checkReferences(jobKinds: Set<String>?) {
        let cadences = Array(set.cadences.keys)
        func requireCadence(_ name: String, _ reference: WorkflowReference) {
            guard set.cadences[name] == nil else { return }
            let hint = Spelling.closest(to: name, in: cadences).map { "did you mean '\($0)'?" } ?? "define it with kind: cadence"
            log.add(reference.issue("no cadence named '\(name)'", fix: hint))
        }
        for winback in set.winbacks.values { requireCadence(winback.cadence, winback.cadenceLocation) }
        for trigger in set.triggers.values {
            for case let .enroll(cadence, reference) in trigger.actions { requireCadence(cadence, reference) }
        }
        let byPath = Dictionary(grouping: set.exports.values, by: \.path).filter { $0.value.count > 1 }
        for (path, exports) in byPath {
            let sorted = exports.sorted { $0.name < $1.name }
            for export in sorted.dropFirst() {
                log.add(export.pathReference.issue("export '\(export.name)' writes the same path '\(path)' as '\(sorted[0].name)'",
                                                   fix: "give each export its own path, e.g. with {name}"))
            }
        }
        guard let jobKinds else { return }
        let templates = set.schedules.values.map(\.job) + set.triggers.values.flatMap { $0.actions.compactMap(\.template) }
        for template in templates where !jobKinds.contains(template.kind) {
            log.add(template.kindReference.issue("unknown job kind '\(template.kind)'", fix: "known kinds: \(jobKinds.sorted().joined(separator: ", "))"))
        }
        for settings in set.jobKinds.values where !jobKinds.contains(settings.name) {
            log.add(settings.nameReference.issue("unknown job kind '\(settings.name)'", fix: "known kinds: \(jobKinds.sorted().joined(separator: ", "))"))
        }
    }
}

extension TriggerDefinition.Action {
    var template: JobTemplate? {
        if case let .enqueue(template) = self { return template }
        return nil
    }
}

extension IssueLog {
    func add(_ issue: WorkflowIssue) {
        add(file: issue.file, line: issue.line, column: issue.column, path: issue.path, issue.message, fix: issue.fix)
    }
}

extension ValueReader {
    /// Names appear in file names, unique keys and commands: keep them simple.
    func definitionName() -> String? {
        guard let name = nonEmptyString() else { return nil }
        let allowed = name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
        guard allowed, name.first?.isLetter == true || name.first?.isNumber == true else {
            issue("name '\(name)' may hold only letters, digits, '-' and '_'", fix: "e.g. weekly-pipeline")
            return nil
        }
        return name
    }
}
