import Foundation
import Yams

extension ValueReader {
    /// A mapping turned into JSON object text (job arguments). Scalars keep YAML's typing:
    /// numbers and booleans stay numbers and booleans.
    func jsonObject() -> String? {
        guard node.mapping != nil, let value = jsonValue(node) else {
            issue("expected a mapping of argument names to values, got \(node.kindName)")
            return nil
        }
        guard let data = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys]) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    private func jsonValue(_ node: Node) -> Any? {
        switch node {
        case let .scalar(scalar):
            return scalarValue(scalar)
        case let .sequence(items):
            return items.compactMap(jsonValue)
        case let .mapping(pairs):
            return Dictionary(pairs.compactMap { pair in pair.key.scalar.map { ($0.string, jsonValue(pair.value) ?? NSNull()) } }) { $1 }
        case .alias:
            return nil
        }
    }

    private func scalarValue(_ scalar: Node.Scalar) -> Any {
        if scalar.style == .plain {
            if let int = Int(scalar.string) { return int }
            if let double = Double(scalar.string) { return double }
            switch scalar.string { case "true": return true; case "false": return false; case "null", "~": return NSNull(); default: break }
        }
        return EnvironmentReferences.expand(scalar.string, environment: environment, reader: self) ?? scalar.string
    }
}
