import Foundation
public import StewardWorkflows

/// Job arguments with the values of the keys a `kind: job_kind` file lists under `redact:`
/// replaced by `•••`, at any depth, for pages people look at.
public enum ArgumentRedaction {
    public static let mask = "•••"

    /// `args` (JSON text) as pretty JSON, redacted for `kind`; text that is not JSON is returned as is.
    public static func redacted(_ args: String, kind: String, in workflows: WorkflowSet) -> String {
        let keys = workflows.jobKinds[kind]?.redact ?? []
        return pretty(args) { keys.isEmpty ? $0 : redact($0, keys: keys) }
    }

    /// JSON text indented with sorted keys (after `transform`); text that is not JSON as is.
    public static func pretty(_ text: String, transform: (Any) -> Any = { $0 }) -> String {
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8), options: .fragmentsAllowed),
              let data = try? JSONSerialization.data(withJSONObject: transform(object),
                                                     options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes, .fragmentsAllowed]) else { return text }
        return String(decoding: data, as: UTF8.self)
    }

    static func redact(_ value: Any, keys: Set<String>) -> Any {
        switch value {
        case let object as [String: Any]:
            return Dictionary(uniqueKeysWithValues: object.map { key, inner in (key, keys.contains(key) ? mask : redact(inner, keys: keys)) })
        case let array as [Any]:
            return array.map { redact($0, keys: keys) }
        default:
            return value
        }
    }
}
