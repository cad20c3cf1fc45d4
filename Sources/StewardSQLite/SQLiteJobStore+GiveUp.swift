import Foundation
public import GRDB
public import StewardCore

/// GRDB's connection is the SQLite store's transaction handle for give-up hooks.
extension Database: JobTransaction {}

extension JobTransaction {
    /// The SQLite connection behind this handle; kinds built on the SQLite store write through it.
    public func sqlite() throws -> Database {
        guard let db = self as? Database else {
            throw StewardError(.invalidConfiguration, "a give-up hook of a SQLite kind ran in another store's transaction")
        }
        return db
    }
}

extension SQLiteJobStore {
    public static let jobDiscardedEvent = "job.discarded"

    /// After a job was discarded or cancelled in this transaction: its kind's hook runs (in a
    /// savepoint: a failing hook is noted on the job and never blocks the discard, which would
    /// leave the job to be rescued forever), and a discard records `job.discarded`.
    func gaveUp(_ id: JobID, state: JobState, reason: String, hooks: JobGiveUpHooks, now: Date, db: Database) throws {
        guard let job = try Self.fetchJob(id: id, db: db) else { return }
        if let hook = hooks[job.kind] {
            do {
                try db.inSavepoint {
                    try hook(GivenUpJob(job: job, state: state, reason: reason), db)
                    return .commit
                }
            } catch {
                try db.execute(sql: """
                    UPDATE jobs SET errors = json_insert(errors, '$[#]', json_object('at', ?, 'attempt', attempt, 'message', ?)) WHERE id = ?
                    """, arguments: [now.sqlSeconds, "the kind's give-up hook failed: \(error)", id])
            }
        }
        if state == .discarded, !Self.reactsToDiscards(job) {
            try recordEvent(Self.jobDiscardedEvent, payload: Self.discardedPayload(job, error: reason), in: db, now: now)
        }
    }

    /// A job dispatched from `job.discarded` raises none when it is discarded itself, so a
    /// subscriber that keeps failing cannot feed itself events forever.
    private static func reactsToDiscards(_ job: Job) -> Bool {
        struct Args: Decodable { struct Event: Decodable { var name: String }; var event: Event? }
        let args = try? JSONDecoder().decode(Args.self, from: Data(job.args.utf8))
        return args?.event?.name == jobDiscardedEvent
    }

    private static func discardedPayload(_ job: Job, error: String) throws -> String {
        let payload: [String: Any] = ["job": job.id, "kind": job.kind, "queue": job.queue, "attempt": job.attempt, "error": error]
        return String(decoding: try JSONSerialization.data(withJSONObject: payload, options: .sortedKeys), as: UTF8.self)
    }

    /// A job that made durable progress (an import's checkpoint) in this transaction is not
    /// crash-looping: its run of lost leases starts again.
    public func jobRecordProgress(_ id: JobID, in db: Database) throws {
        try db.cachedStatement(sql: "UPDATE jobs SET lease_losses = 0 WHERE id = ? AND lease_losses > 0").execute(arguments: [id])
    }
}
