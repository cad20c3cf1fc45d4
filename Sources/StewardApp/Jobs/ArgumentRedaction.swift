import Foundation
public import StewardWorkflows

/// Job arguments with the values of the keys a `kind: job_kind` file lists under `redact:`
/// replaced by `•••`, at any depth, for pages people look at.
public enum ArgumentRedaction {
    public static let mask = "•••"

    /// `args` (JSON text) as pretty JSON, redacted for `kind`; text that is not JSON is returned as is.
    public static func redacted(_ args: String, kind: String, in workflows: WorkflowSet) -> String {
        guard let object = try? JSONSerialization.jsonObject(with: Data(args.utf8)) else { return args }
        let keys = workflows.jobKinds[kind]?.redact ?? []
        let shown = keys.isEmpty ? object : redact(object, keys: keys)
        guard let data = try? JSONSerialization.data(withJSONObject: shown, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes, .fragmentsAllowed]) else {
            return args
        }
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
