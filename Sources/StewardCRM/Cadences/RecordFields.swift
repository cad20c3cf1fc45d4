import GRDB
import StewardWorkflows

/// Reads the fields templates name, from the enrolled record and its account. Only fields the
/// `Entity` allow-list knows reach SQL.
enum RecordFields {
    /// The prefix templates use for each record type, and the entity behind it.
    static let prefixes: [String: (type: CRMRecordType, entity: Entity)] = [
        "account": (.account, .accounts), "opportunity": (.opportunity, .opportunities),
        "contact": (.contact, .contacts), "target": (.target, .prospectingTargets),
    ]

    /// `entity.field` → text, for the named fields.
    static func values(_ fields: Set<String>, record: CRMRecordRef, accountID: Int64?, db: Database) throws -> [String: String] {
        var values: [String: String] = [:]
        for (prefix, names) in Dictionary(grouping: fields.compactMap(split), by: \.prefix) {
            guard let (type, entity) = prefixes[prefix], let id = type == .account ? accountID : (type == record.type ? record.id : nil) else { continue }
            let columns = names.map(\.field).filter(entity.fields.contains)
            guard !columns.isEmpty else { continue }
            let sql = "SELECT \(columns.joined(separator: ", ")) FROM \(entity.rawValue) WHERE \(type.table.key) = ?"
            guard let row = try Row.fetchOne(db.cachedStatement(sql: sql), arguments: [id]) else { continue }
            for (index, column) in columns.enumerated() { values["\(prefix).\(column)"] = text(row[index] as DatabaseValue) }
        }
        return values
    }

    private static func split(_ field: String) -> (prefix: String, field: String)? {
        let parts = field.split(separator: ".", maxSplits: 1).map(String.init)
        return parts.count == 2 ? (parts[0], parts[1]) : nil
    }

    private static func text(_ value: DatabaseValue) -> String {
        switch value.storage {
        case .null: ""
        case let .int64(number): String(number)
        case let .double(number): Int64(exactly: number).map(String.init) ?? String(number)
        case let .string(text): text
        case .blob: ""
        }
    }
}
