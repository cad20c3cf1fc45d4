import Foundation
import Yams
/// `kind: winback` — when accounts count as passive or inactive, and the cadence that wins
/// inactive ones back.
public struct WinbackDefinition: Sendable, Equatable {
    public var name: String
    public var timing: ScheduleTiming?
    public var passiveAfterDays: Int
    public var inactiveAfterDays: Int
    /// Name of a `kind: cadence` definition.
    public var cadence: String
    public var cadenceLocation: WorkflowReference

    static func read(_ document: MappingReader, name: String) -> WinbackDefinition? {
        let timing = ScheduleTiming.read(document, required: false)
        let passive = document.optional("passive_after_days")?.int(in: 1...3650) ?? 31
        let inactiveReader = document.optional("inactive_after_days")
        let inactive = inactiveReader?.int(in: 1...3650) ?? 90
        let cadenceReader = document.required("cadence", fix: "name the cadence inactive accounts are enrolled into")
        let cadence = cadenceReader?.nonEmptyString()
        if inactive <= passive {
            (inactiveReader ?? document.reader).issue("inactive_after_days (\(inactive)) must be greater than passive_after_days (\(passive))",
                                                     fix: "e.g. passive_after_days: 31, inactive_after_days: 90")
        }
        guard let cadence, let cadenceReader else { return nil }
        return WinbackDefinition(name: name, timing: timing, passiveAfterDays: passive, inactiveAfterDays: inactive,
                                 cadence: cadence, cadenceLocation: WorkflowReference(cadenceReader))
    }
}

/// Where a reference to another definition was written, to report it if the target is missing.
public struct WorkflowReference: Sendable, Equatable {
    public var file: String
    public var line: Int
    public var column: Int
    public var path: String

    init(_ reader: ValueReader) {
        file = reader.file
        line = reader.node.mark?.line ?? 1
        column = reader.node.mark?.column ?? 1
        path = reader.path
    }

    func issue(_ message: String, fix: String?) -> WorkflowIssue {
        WorkflowIssue(file: file, line: line, column: column, path: path, message: message, fix: fix)
    }
}
