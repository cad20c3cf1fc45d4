import StewardCore
import StewardWorkflows

/// Which CSV column feeds which profile field, found by header name or alias compared without
/// case, spaces or underscores (`E-Mail Address` ≠ `email`, but `Company Name` = `company_name`).
struct ImportColumns {
    /// Column index per profile field (same order as `profile.fields`); nil when the file has no
    /// such column (allowed for fields that are not required).
    var fieldColumns: [Int?]
    /// The `__line` column of an error report fed back as a retry.
    var sourceLineColumn: Int?
    var headerCount: Int

    static let sourceLineHeader = "__line"

    init(headers: [String], profile: ImportProfileDefinition, fileName: String) throws {
        let keys = headers.map(Self.key)
        fieldColumns = profile.fields.map { field in
            field.headers.lazy.compactMap { keys.firstIndex(of: Self.key($0)) }.first
        }
        sourceLineColumn = headers.firstIndex(of: Self.sourceLineHeader)
        headerCount = headers.count
        let missing = zip(profile.fields, fieldColumns).filter { $0.0.required && $0.1 == nil }.map(\.0)
        guard missing.isEmpty else { throw Self.missingError(missing, headers: headers, fileName: fileName) }
    }

    static func key(_ header: String) -> String {
        String(header.lowercased().filter { !$0.isWhitespace && $0 != "_" })
    }

    private static func missingError(_ fields: [ImportProfileDefinition.Field], headers: [String], fileName: String) -> StewardError {
        let names = fields.map { field in
            "'\(field.headers[0])'" + (field.headers.count > 1 ? " (or \(field.headers.dropFirst().map { "'\($0)'" }.joined(separator: ", ")))" : "")
        }
        return StewardError(.importHeaderInvalid, "\(fileName): line 1: missing required column \(names.joined(separator: " and "))",
                            fix: "the header has \(headers.map { "'\($0)'" }.joined(separator: ", ")); rename a column or add aliases: to the profile")
    }
}
