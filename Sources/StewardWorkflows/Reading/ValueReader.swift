import Foundation
import StewardCore
import Yams

/// A YAML value with where it came from. Typed accessors return nil after logging an issue that
/// names the file, position and key path, so one pass reports every problem.
struct ValueReader {
    let node: Node
    let path: String
    let file: String
    let log: IssueLog
    let environment: [String: String]

    func issue(_ message: String, fix: String? = nil) {
        log.add(file: file, mark: node.mark, path: path, message, fix: fix)
    }

    func child(_ node: Node, path: String) -> ValueReader {
        ValueReader(node: node, path: path, file: file, log: log, environment: environment)
    }

    /// A text value, with `${NAME}` replaced from the environment.
    func string() -> String? {
        guard let scalar = node.scalar else {
            issue("expected text, got \(node.kindName)")
            return nil
        }
        return EnvironmentReferences.expand(scalar.string, environment: environment, reader: self)
    }

    func nonEmptyString() -> String? {
        guard let text = string() else { return nil }
        guard !text.trimmingCharacters(in: .whitespaces).isEmpty else {
            issue("must not be empty")
            return nil
        }
        return text
    }

    func int(in range: ClosedRange<Int>? = nil, fix: String? = nil) -> Int? {
        guard let text = node.scalar?.string, let value = Int(text) else {
            issue("expected a whole number, got \(node.shortDescription)", fix: fix ?? range.map { "write a number from \($0.lowerBound) to \($0.upperBound)" })
            return nil
        }
        if let range, !range.contains(value) {
            issue("\(value) is out of range \(range.lowerBound)–\(range.upperBound)", fix: fix ?? "write a number from \(range.lowerBound) to \(range.upperBound)")
            return nil
        }
        return value
    }

    func bool() -> Bool? {
        switch node.scalar?.string.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            issue("expected true or false, got \(node.shortDescription)")
            return nil
        }
    }

    func duration() -> Duration? {
        guard let text = node.scalar?.string, let duration = DurationParsing.parse(text) else {
            issue("expected a duration, got \(node.shortDescription)", fix: "write e.g. 5s, 10m, 2h or 3d")
            return nil
        }
        return duration
    }

    /// One of a closed set of words, e.g. `days: business`.
    func choice<Choice: RawRepresentable & CaseIterable>(_ type: Choice.Type) -> Choice? where Choice.RawValue == String {
        let options = Choice.allCases.map(\.rawValue)
        guard let text = node.scalar?.string, let value = Choice(rawValue: text) else {
            let suggestion = node.scalar.flatMap { Spelling.closest(to: $0.string, in: options) }.map { "did you mean '\($0)'? " } ?? ""
            issue("expected one of \(options.joined(separator: ", ")), got \(node.shortDescription)", fix: suggestion.isEmpty ? nil : suggestion.trimmingCharacters(in: .whitespaces))
            return nil
        }
        return value
    }

    /// The items of a list; a single value where a list is expected is reported, not guessed.
    func list() -> [ValueReader]? {
        guard case let .sequence(sequence) = node else {
            issue("expected a list, got \(node.kindName)", fix: "write items as [a, b] or one per line starting with '- '")
            return nil
        }
        return sequence.enumerated().map { child($1, path: "\(path)[\($0)]") }
    }

    func mapping() -> MappingReader? {
        guard case let .mapping(mapping) = node else {
            issue("expected a mapping of keys to values, got \(node.kindName)")
            return nil
        }
        return MappingReader(reader: self, mapping: mapping)
    }

    func timeZone() -> TimeZone? {
        guard let name = string() else { return nil }
        guard let zone = TimeZone(identifier: name) else {
            issue("unknown time zone '\(name)'", fix: "use an IANA name such as UTC, Europe/Berlin or America/New_York")
            return nil
        }
        return zone
    }
}

extension Node {
    var kindName: String {
        switch self {
        case .scalar: "a single value"
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }

    /// The value as written, quoted, for messages.
    var shortDescription: String {
        guard let scalar else { return kindName }
        return "'\(scalar.string)'"
    }
}
