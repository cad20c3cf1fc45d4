import Foundation
import Synchronization
import Yams

/// A YAML mapping read key by key. Keys read are remembered; `finish()` reports every key that
/// no reader asked for, with the closest known key as a suggestion.
final class MappingReader {
    let reader: ValueReader
    private let entries: [(key: String, node: Node, mark: Mark?)]
    private var known: [String] = []

    init(reader: ValueReader, mapping: Node.Mapping) {
        self.reader = reader
        entries = mapping.map { ($0.key.scalar?.string ?? "", $0.value, $0.key.mark) }
    }

    private func path(_ key: String) -> String {
        reader.path.isEmpty ? key : "\(reader.path).\(key)"
    }

    /// The value under `key`, or nil (and an issue) when it is missing.
    func required(_ key: String, fix: String? = nil) -> ValueReader? {
        guard let value = optional(key) else {
            reader.log.add(file: reader.file, mark: reader.node.mark, path: path(key), "missing required key '\(key)'", fix: fix)
            return nil
        }
        return value
    }

    func optional(_ key: String) -> ValueReader? {
        known.append(key)
        guard let entry = entries.first(where: { $0.key == key }) else { return nil }
        return reader.child(entry.node, path: path(key))
    }

    /// Reports keys nobody read: typos and settings this kind does not have.
    func finish() {
        for entry in entries where !known.contains(entry.key) {
            let suggestion = Spelling.closest(to: entry.key, in: known).map { "did you mean '\($0)'?" }
            reader.log.add(file: reader.file, mark: entry.mark, path: path(entry.key), "unknown key '\(entry.key)'",
                           fix: suggestion ?? "known keys: \(known.joined(separator: ", "))")
        }
    }

    var keys: [String] { entries.map(\.key) }
}

/// "Did you mean" suggestions by edit distance.
enum Spelling {
    static func closest(to word: String, in candidates: [String]) -> String? {
        let scored = candidates.map { ($0, distance(word.lowercased(), $0.lowercased())) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= max(2, word.count / 3) else { return nil }
        return best.0
    }

    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            previous = current
        }
        return previous[b.count]
    }
}
