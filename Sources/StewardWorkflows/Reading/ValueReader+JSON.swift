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
        // Aliases can make a tiny file expand enormously; arguments are small by nature.
        guard Self.size(of: node, budget: 10_000) else {
            issue("arguments are too large (aliases expand to over 10,000 values)", fix: "write the arguments out without nested aliases")
            return nil
        }
        do {
            let data = try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys])
            return String(decoding: data, as: UTF8.self)
        } catch {
            issue("arguments cannot be written as JSON (\(error))", fix: "use finite numbers, text, true/false, lists and mappings")
            return nil
        }
    }

    /// Whether `node` holds at most `budget` values, counting what aliases repeat.
    private static func size(of node: Node, budget: Int) -> Bool {
        var remaining = budget
        func walk(_ node: Node) -> Bool {
            remaining -= 1
            guard remaining >= 0 else { return false }
            switch node {
            case let .sequence(items): return items.allSatisfy(walk)
            case let .mapping(pairs): return pairs.allSatisfy { walk($0.value) }
            case .scalar, .alias: return true
            }
        }
        return walk(node)
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
            if let double = Double(scalar.string), double.isFinite { return double }
            switch scalar.string { case "true": return true; case "false": return false; case "null", "~": return NSNull(); default: break }
        }
        return EnvironmentReferences.expand(scalar.string, environment: environment, reader: self) ?? scalar.string
    }
}
