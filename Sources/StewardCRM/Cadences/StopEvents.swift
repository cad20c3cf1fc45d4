import GRDB

/// The `stop_on` events recorded for a record after a given event: an enroll job that runs
/// after the stop job of a later event must not start the cadence again.
enum StopEvents {
    static func first(_ names: [String], for record: CRMRecordRef, after event: Int64, db: Database) throws -> (id: Int64, name: String)? {
        guard !names.isEmpty else { return nil }
        let placeholders = Array(repeating: "?", count: names.count).joined(separator: ", ")
        let row = try Row.fetchOne(db, sql: """
            SELECT id, name FROM events WHERE id > ? AND name IN (\(placeholders)) AND json_extract(payload, '$.\(record.type.payloadKey)') = ?
            ORDER BY id LIMIT 1
            """, arguments: StatementArguments([event] + names.map { $0 as any DatabaseValueConvertible } + [record.id]))
        return row.map { ($0[0], $0[1]) }
    }
}
