/// An error a person can act on: a stable code for scripts, a message naming what is wrong, and
/// how to fix it.
public struct StewardError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Stable identifiers; extend with `static let` in the module that raises them.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }
    }

    public var code: Code
    public var message: String
    public var fix: String?

    public init(_ code: Code, _ message: String, fix: String? = nil) {
        self.code = code
        self.message = message
        self.fix = fix
    }

    public var description: String {
        guard let fix else { return message }
        return "\(message) (\(fix))"
    }
}

extension StewardError.Code {
    public static let unknownKind = Self(rawValue: "unknown_kind")
    public static let invalidArguments = Self(rawValue: "invalid_arguments")
    public static let invalidConfiguration = Self(rawValue: "invalid_configuration")
    public static let invalidWorkflows = Self(rawValue: "invalid_workflows")
    public static let jobNotFound = Self(rawValue: "job_not_found")
    public static let invalidTransition = Self(rawValue: "invalid_transition")
    public static let databaseUnreadable = Self(rawValue: "database_unreadable")
    public static let databaseTooNew = Self(rawValue: "database_too_new")
    public static let databaseNotWritable = Self(rawValue: "database_not_writable")
    /// A folder Steward must write into (exports, imported copies) cannot be created or written.
    public static let directoryNotWritable = Self(rawValue: "directory_not_writable")
    /// A Steward database whose schema is behind this build, opened by a command that does not migrate.
    public static let databaseNeedsMigration = Self(rawValue: "database_needs_migration")
}
