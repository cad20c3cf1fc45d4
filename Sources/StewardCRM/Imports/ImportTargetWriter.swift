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
    let findSQL: String
    /// The `account_id` field of a contact or lead, which must name an account.
    private let accountField: Int?

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
        accountField = profile.target == .accounts ? nil : names.firstIndex(of: "account_id")
        insertSQL = "INSERT INTO \(table) (\(insertColumns.joined(separator: ", "))) VALUES (\(databaseQuestionMarks(count: insertColumns.count)))"
        insertIgnoringSQL = insertSQL + " ON CONFLICT (\(keyColumn ?? "")) DO NOTHING"
        let conditions = keyColumn.map { ["\($0) = ?"] } ?? keyFields.map { "\(profile.fields[$0].name) = ? COLLATE NOCASE" }
        findSQL = "SELECT \(primaryKey) FROM \(table) WHERE \(conditions.joined(separator: " AND ")) LIMIT 1"
    }

    /// The statements a batch uses, looked up once per batch rather than once per row.
    struct Statements {
        var insert: Statement
        var insertIgnoring: Statement?
        var find: Statement?
        var accountExists: Statement
    }

    func statements(_ db: Database) throws -> Statements {
        Statements(insert: try db.cachedStatement(sql: insertSQL),
                   insertIgnoring: keyColumn == nil ? nil : try db.cachedStatement(sql: insertIgnoringSQL),
                   find: keyFields.isEmpty ? nil : try db.cachedStatement(sql: findSQL),
                   accountExists: try db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM accounts WHERE account_id = ?)"))
    }

    func write(_ values: [DatabaseValue], present: [Bool], statements: Statements, db: Database) throws -> Outcome {
        if let missing = try missingAccount(values, statements: statements) { return missing }
        let key = dedupeKey(values)
        guard let key else { return try insert(values, key: nil, statement: statements.insert, db: db) }
        if let ignoring = statements.insertIgnoring, profile.onDuplicate != .update {
            if try insert(values, key: key, statement: ignoring, db: db) == .created { return .created }
        }
        guard let existing = try find(key, values: values, statements: statements) else {
            return try insert(values, key: key, statement: statements.insert, db: db)
        }
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
        if keyFields.count == 1 { return values[keyFields[0]].isNull ? nil : Self.lowercased(text(values[keyFields[0]])) }
        guard !keyFields.isEmpty else { return nil }
        var parts: [String] = []
        for index in keyFields {
            guard !values[index].isNull else { return nil }
            parts.append(Self.lowercased(text(values[index])))
        }
        return parts.joined(separator: "|")
    }

    /// Emails arrive lowercased already; most keys need no new string.
    private static func lowercased(_ text: String) -> String {
        text.utf8.contains { (65...90).contains($0) || $0 >= 128 } ? text.lowercased() : text
    }

    private func text(_ value: DatabaseValue) -> String {
        String.fromDatabaseValue(value) ?? value.storage.value.map { "\($0)" } ?? ""
    }

    private func insert(_ values: [DatabaseValue], key: String?, statement: Statement, db: Database) throws -> Outcome {
        // The dedupe key is the last column; bound in place of the placeholder (no copy per row).
        try SQLiteBind.run(statement, values, then: extraValues, lastValue: keyColumn == nil ? nil : key?.databaseValue ?? .null)
        return db.changesCount == 1 ? .created : .skipped
    }

    private func find(_ key: String, values: [DatabaseValue], statements: Statements) throws -> Int64? {
        guard let find = statements.find else { return nil }
        return try SQLiteBind.run(find, keyColumn == nil ? keyFields.map { values[$0] } : [key.databaseValue])
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
    private func missingAccount(_ values: [DatabaseValue], statements: Statements) throws -> Outcome? {
        guard let index = accountField, !values[index].isNull else { return nil }
        let exists = try SQLiteBind.run(statements.accountExists, [values[index]]) == 1
        return exists ? nil : .missingReference(field: "account_id", message: "account_id \(String(describing: values[index].storage.value ?? "")) names no account (import the account first, or correct the id)")
    }
}
