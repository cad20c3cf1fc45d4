import Foundation
import Yams
/// `kind: import` — how a CSV maps onto an entity: columns by header, per-field rules, dedupe.
public struct ImportProfileDefinition: Sendable, Equatable, Codable {
    public enum Delimiter: String, Sendable, CaseIterable, Codable {
        case auto, comma = ",", semicolon = ";", tab, pipe = "|"
    }

    public enum OnDuplicate: String, Sendable, CaseIterable, Codable { case skip, update, error }

    public enum FieldType: String, Sendable, CaseIterable, Codable {
        case string, int, decimal, date, bool, email, phone, url
        case enumeration = "enum"
    }

    public struct Field: Sendable, Equatable, Codable {
        public var name: String
        /// Header names that map to this field, compared case- and space-insensitively.
        public var headers: [String]
        public var required: Bool
        public var type: FieldType
        public var dateFormats: [String]
        public var maxLength: Int?
        public var defaultValue: String?
        public var trim: Bool
        public var allowedValues: [String]
        /// Default region for phone numbers without a country code (E.164 normalisation).
        public var region: String?
    }

    public var name: String
    public var target: Entity
    public var delimiter: Delimiter
    /// Read a file that is not valid UTF-8 as Windows-1252 (a superset of Latin-1), decided once
    /// per file, instead of reporting its fields as invalid.
    public var latin1Fallback: Bool
    public var fields: [Field]
    public var dedupeKey: [String]
    public var onDuplicate: OnDuplicate

    static let targets: [Entity] = [.prospectingTargets, .leads, .contacts, .accounts]

    static func read(_ document: MappingReader, name: String) -> ImportProfileDefinition? {
        let targetReader = document.required("target", fix: "e.g. target: prospecting_targets")
        let target = targetReader.flatMap(readTarget)
        let delimiter = document.optional("delimiter")?.choice(Delimiter.self) ?? .auto
        let latin1 = document.optional("latin1_fallback")?.bool() ?? false
        // Read even without a target, so its key is not reported as unknown on top.
        let columns = document.required("columns")
        let fields = target.flatMap { entity in columns?.importFields(of: entity) }
        let dedupe = document.optional("dedupe_key").flatMap { reader in readDedupe(reader, fields: fields ?? []) } ?? []
        let onDuplicate = document.optional("on_duplicate")?.choice(OnDuplicate.self) ?? .skip
        guard let target, let fields else { return nil }
        return ImportProfileDefinition(name: name, target: target, delimiter: delimiter, latin1Fallback: latin1,
                                       fields: fields, dedupeKey: dedupe, onDuplicate: onDuplicate)
    }

    /// One of the importable entities; anything else gets one issue naming only those.
    private static func readTarget(_ reader: ValueReader) -> Entity? {
        guard let text = reader.string() else { return nil }
        if let entity = Entity(rawValue: text), targets.contains(entity) { return entity }
        let names = targets.map(\.rawValue)
        let suggestion = Spelling.closest(to: text, in: names).map { "did you mean '\($0)'?" }
        reader.issue("cannot import into '\(text)'", fix: suggestion ?? "import into \(names.dropLast().joined(separator: ", ")) or \(names.last ?? "")")
        return nil
    }

    private static func readDedupe(_ reader: ValueReader, fields: [Field]) -> [String]? {
        let names = reader.node.sequence != nil ? reader.list()?.compactMap { $0.string() } : reader.string().map { [$0] }
        for name in names ?? [] where !fields.contains(where: { $0.name == name }) {
            reader.issue("dedupe_key names '\(name)', which is not one of the profile's columns")
        }
        return names
    }
}

/// Profiles are stored with each import (JSON), so a job runs with the rules it was started with
/// even if the workflow files change meanwhile.
extension Entity: Codable {}

extension ValueReader {
    func importFields(of entity: Entity) -> [ImportProfileDefinition.Field]? {
        guard let columns = mapping() else { return nil }
        let fields = columns.keys.map { name -> ImportProfileDefinition.Field? in
            guard let reader = columns.optional(name) else { return nil }
            guard entity.fields.contains(name) else {
                reader.issue("\(entity.rawValue) has no field '\(name)'", fix: Spelling.closest(to: name, in: entity.fields).map { "did you mean '\($0)'?" })
                return nil
            }
            return reader.importField(name: name)
        }
        return fields.contains(nil) ? nil : fields.compactMap { $0 }
    }

    /// `email: { header: E-Mail, aliases: [mail], required: true, type: email }`; a bare
    /// `email: true` means "required, header named like the field".
    private func importField(name: String) -> ImportProfileDefinition.Field? {
        var field = ImportProfileDefinition.Field(name: name, headers: [name], required: false, type: .string, dateFormats: ["yyyy-MM-dd"],
                                                  maxLength: nil, defaultValue: nil, trim: true, allowedValues: [], region: nil)
        guard node.mapping != nil else {
            field.required = bool() ?? false
            return field
        }
        guard let rules = mapping() else { return nil }
        defer { rules.finish() }
        field.headers = [rules.optional("header")?.string() ?? name] + (rules.optional("aliases")?.list()?.compactMap { $0.string() } ?? [])
        field.required = rules.optional("required")?.bool() ?? false
        field.type = rules.optional("type")?.choice(ImportProfileDefinition.FieldType.self) ?? .string
        let formats = rules.optional("formats")
        field.dateFormats = formats?.list()?.compactMap { $0.string() } ?? field.dateFormats
        field.maxLength = rules.optional("max_length")?.int(in: 1...1_000_000)
        let defaultValue = rules.optional("default")
        field.defaultValue = defaultValue?.string()
        field.trim = rules.optional("trim")?.bool() ?? true
        field.allowedValues = rules.optional("values")?.list()?.compactMap { $0.string() } ?? []
        let region = rules.optional("region")
        field.region = region?.string()
        if field.type == .enumeration && field.allowedValues.isEmpty { issue("type enum needs values: [...]") }
        if let problem = field.regionProblem { region?.issue(problem, fix: "use one of \(PhoneNumber.regions.keys.sorted().joined(separator: ", "))") }
        for problem in field.dateFormats.compactMap(CivilDate.formatProblem) { formats?.issue(problem, fix: "e.g. formats: [yyyy-MM-dd, dd.MM.yyyy]") }
        if let problem = field.defaultProblem { defaultValue?.issue(problem, fix: "give a default the field's rules accept, or none") }
        return field
    }
}
