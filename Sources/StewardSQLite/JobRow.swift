import Foundation
import GRDB
import StewardCore

/// Decoding of `jobs` rows into `Job` values.
enum JobRow {
    static func job(from row: Row) throws -> Job {
        let stateName: String = row["state"]
        guard let state = JobState(rawValue: stateName) else {
            throw StewardError(.databaseUnreadable, "job \(row["id"] as Int64) has unknown state '\(stateName)'")
        }
        return Job(
            id: row["id"], kind: row["kind"], queue: row["queue"], args: row["args"],
            priority: row["priority"], state: state, attempt: row["attempt"],
            maxAttempts: row["max_attempts"], runAt: date(row["run_at"]), createdAt: date(row["created_at"]),
            attemptedAt: optionalDate(row["attempted_at"]), finalizedAt: optionalDate(row["finalized_at"]),
            lease: lease(from: row), uniqueKey: row["unique_key"], errors: try errors(row["errors"])
        )
    }

    static func date(_ seconds: Double) -> Date { Date(timeIntervalSince1970: seconds) }

    static func optionalDate(_ seconds: Double?) -> Date? { seconds.map(date) }

    private static func lease(from row: Row) -> Lease? {
        guard let token: Int64 = row["lease_token"], let expires: Double = row["lease_expires_at"] else { return nil }
        return Lease(jobID: row["id"], owner: row["lease_owner"] ?? "", token: token, expiresAt: date(expires))
    }

    private static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
        return decoder
    }()

    /// Most claimed jobs have no errors yet; skip the JSON decoder for them.
    private static func errors(_ json: String) throws -> [AttemptError] {
        if json == "[]" { return [] }
        return try decoder.decode([AttemptError].self, from: Data(json.utf8))
    }
}

extension Date {
    /// The stored form of a date.
    var sqlSeconds: Double { timeIntervalSince1970 }
}
