import Foundation
import GRDB
import StewardWorkflows

/// Writes validated rows into the profile's target table: the dedupe key decides between
/// insert, update, skip and a duplicate error, and an `account_id` must name an account. Table
/// and column names come from the entity allow-list; every value is bound.
struct ImportTargetWriter {
    enum Outcome: Equatable {
        case created, updated, skipped
        case duplicate(String)
        case missingReference(field: String, message: String)
    }

    let profile: ImportProfileDefinition
    let table: String
    let primaryKey: String
    /// Columns written on insert: the profile's fields, then bookkeeping columns.
    let insertColumns: [String]
    let extraValues: [DatabaseValue]
    /// Positions of the dedupe fields in `profile.fields`.
    let keyFields: [Int]
    /// prospecting_targets keeps its dedupe key in a unique column; other tables are searched.
    let keyColumn: String?
    // Built once: the statements are looked up by their text for every row.
    private let insertSQL: String
    private let insertIgnoringSQL: String
    private let findSQL: String

    init(profile: ImportProfileDefinition, today: String) {
        self.profile = profile
        table = profile.target.rawValue
        primaryKey = profile.target.fields[0]
        let names = profile.fields.map(\.name)
        keyFields = profile.dedupeKey.compactMap { key in names.firstIndex(of: key) }
        keyColumn = profile.target == .prospectingTargets && !names.contains("dedupe_key") && !keyFields.isEmpty ? "dedupe_key" : nil
        var extras: [(String, DatabaseValue)] = [("created_at", today.databaseValue)]
        if profile.target == .prospectingTargets { extras.append(("status", "new_target".databaseValue)) }
        extras = extras.filter { !names.contains($0.0) }
        if let keyColumn { extras.append((keyColumn, .null)) }
        insertColumns = names + extras.map(\.0)
        extraValues = extras.map(\.1)
        insertSQL = "INSERT INTO \(table) (\(insertColumns.joined(separator: ", "))) VALUES (\(databaseQuestionMarks(count: insertColumns.count)))"
        insertIgnoringSQL = insertSQL + " ON CONFLICT (\(keyColumn ?? "")) DO NOTHING"
        let conditions = keyColumn.map { ["\($0) = ?"] } ?? keyFields.map { "\(profile.fields[$0].name) = ? COLLATE NOCASE" }
        findSQL = "SELECT \(primaryKey) FROM \(table) WHERE \(conditions.joined(separator: " AND ")) LIMIT 1"
    }

    func write(_ values: [DatabaseValue], present: [Bool], db: Database) throws -> Outcome {
        if let missing = try missingAccount(values, db: db) { return missing }
        let key = dedupeKey(values)
        guard let key else { return try insert(values, key: nil, db: db) }
        if keyColumn != nil, profile.onDuplicate != .update {
            if try insert(values, key: key, ignoringConflict: true, db: db) == .created { return .created }
        }
        guard let existing = try find(key, values: values, db: db) else { return try insert(values, key: key, db: db) }
        switch profile.onDuplicate {
        case .skip: return .skipped
        case .error: return .duplicate(duplicateMessage(values, existing: existing))
        case .update:
            try update(existing, values: values, present: present, db: db)
            return .updated
        }
    }

    /// The dedupe fields' values, lowercased and joined; nil when one of them is empty.
    func dedupeKey(_ values: [DatabaseValue]) -> String? {
        if keyFields.count == 1 { return values[keyFields[0]].isNull ? nil : text(values[keyFields[0]]).lowercased() }
        guard !keyFields.isEmpty else { return nil }
        var parts: [String] = []
        for index in keyFields {
            guard !values[index].isNull else { return nil }
            parts.append(text(values[index]).lowercased())
        }
        return parts.joined(separator: "|")
    }

    private func text(_ value: DatabaseValue) -> String {
        String.fromDatabaseValue(value) ?? value.storage.value.map { "\($0)" } ?? ""
    }

    private func insert(_ values: [DatabaseValue], key: String?, ignoringConflict: Bool = false, db: Database) throws -> Outcome {
        let statement = try db.cachedStatement(sql: ignoringConflict ? insertIgnoringSQL : insertSQL)
        var arguments = values + extraValues
        if keyColumn != nil { arguments[arguments.count - 1] = key?.databaseValue ?? .null }
        statement.setUncheckedArguments(StatementArguments(arguments))
        try statement.execute()
        return db.changesCount == 1 ? .created : .skipped
    }

    private func find(_ key: String, values: [DatabaseValue], db: Database) throws -> Int64? {
        let arguments = keyColumn == nil ? StatementArguments(keyFields.map { values[$0] }) : [key]
        return try Int64.fetchOne(db.cachedStatement(sql: findSQL), arguments: arguments)
    }

    /// Only the fields the file has a column for are overwritten.
    private func update(_ id: Int64, values: [DatabaseValue], present: [Bool], db: Database) throws {
        let indices = profile.fields.indices.filter { present[$0] }
        guard !indices.isEmpty else { return }
        let assignments = indices.map { "\(profile.fields[$0].name) = ?" }.joined(separator: ", ")
        try db.execute(sql: "UPDATE \(table) SET \(assignments) WHERE \(primaryKey) = ?",
                       arguments: StatementArguments(indices.map { values[$0] } + [id.databaseValue]))
    }

    private func duplicateMessage(_ values: [DatabaseValue], existing: Int64) -> String {
        let shown = keyFields.map { "\(profile.fields[$0].name) '\(String(describing: values[$0].storage.value ?? ""))'" }.joined(separator: ", ")
        return "\(shown) already belongs to \(primaryKey) \(existing) (earlier in this file or already in the CRM)"
    }

    /// Contacts and leads may name an account; it must exist.
    private func missingAccount(_ values: [DatabaseValue], db: Database) throws -> Outcome? {
        guard profile.target != .accounts, let index = profile.fields.firstIndex(where: { $0.name == "account_id" }),
              !values[index].isNull else { return nil }
        let exists = try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM accounts WHERE account_id = ?)"), arguments: [values[index]]) ?? false
        return exists ? nil : .missingReference(field: "account_id", message: "account_id \(String(describing: values[index].storage.value ?? "")) names no account (import the account first, or correct the id)")
    }
}
