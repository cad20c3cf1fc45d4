import Yams
import Foundation

/// `${NAME}` in a value is replaced by the environment variable; an unset one is an issue, so a
/// secret never silently becomes an empty string.
enum EnvironmentReferences {
    static func expand(_ text: String, environment: [String: String], reader: ValueReader) -> String? {
        guard text.contains("${") else { return text }
        var result = ""
        var rest = Substring(text)
        var missing: [String] = []
        while let start = rest.range(of: "${") {
            result += rest[..<start.lowerBound]
            guard let end = rest[start.upperBound...].firstIndex(of: "}") else {
                reader.issue("unclosed '${' in \(reader.node.shortDescription)", fix: "write ${NAME}")
                return nil
            }
            let name = String(rest[start.upperBound..<end])
            if let value = environment[name] { result += value } else { missing.append(name) }
            rest = rest[rest.index(after: end)...]
        }
        result += rest
        guard missing.isEmpty else {
            for name in missing {
                reader.issue("environment variable \(name) is not set", fix: "export \(name)=… before starting steward")
            }
            return nil
        }
        return result
    }
}
