import Foundation
import GRDB
import StewardCore

/// Decoding of `jobs` rows into `Job` values. Queries select `JobRow.columns` and rows are read by
/// position: looking columns up by name costs more than the claim itself on a busy queue.
enum JobRow {
    static let columns = """
        id, kind, queue, args, priority, state, attempt, max_attempts, run_at, created_at, attempted_at, \
        finalized_at, lease_owner, lease_token, lease_expires_at, unique_key, errors, lease_losses
        """

    static func job(from row: Row) throws -> Job {
        let stateName: String = row[5]
        guard let state = JobState(rawValue: stateName) else {
            throw StewardError(.databaseUnreadable, "job \(row[0] as Int64) has unknown state '\(stateName)'")
        }
        return Job(
            id: row[0], kind: row[1], queue: row[2], args: row[3], priority: row[4], state: state,
            attempt: row[6], maxAttempts: row[7], runAt: date(row[8]), createdAt: date(row[9]),
            attemptedAt: optionalDate(row[10]), finalizedAt: optionalDate(row[11]),
            lease: lease(from: row), uniqueKey: row[15], errors: try errors(row[16]), leaseLosses: row[17]
        )
    }

    static func date(_ seconds: Double) -> Date { Date(timeIntervalSince1970: seconds) }

    static func optionalDate(_ seconds: Double?) -> Date? { seconds.map(date) }

    private static func lease(from row: Row) -> Lease? {
        guard let token: Int64 = row[13], let expires: Double = row[14] else { return nil }
        return Lease(jobID: row[0], owner: row[12] ?? "", token: token, expiresAt: date(expires))
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
