import StewardCore
import StewardSQLite

/// The kinds this build of `steward` runs.
enum JobKinds {
    static func registry(store: SQLiteJobStore) -> JobRegistry {
        JobRegistry(BuiltinKinds.all + [ProbeKind.make(store: store)])
    }

    /// Kind names are known without a store, so input can be checked before any file is opened.
    static let names: Set<String> = Set(BuiltinKinds.all.map(\.name) + [ProbeKind.name])

    static func requireKnown(_ kind: String) throws {
        guard names.contains(kind) else {
            throw StewardError(.unknownKind, "unknown job kind '\(kind)'", fix: "known kinds: \(names.sorted().joined(separator: ", "))")
        }
    }
}
