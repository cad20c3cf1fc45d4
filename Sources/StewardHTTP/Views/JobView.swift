import Foundation
import Hummingbird
import StewardCore

/// A job as the API shows it, with every failed attempt and its lease while it runs.
struct JobView: ResponseEncodable, Sendable {
    struct Attempt: Codable, Sendable { var at: Date; var attempt: Int; var message: String }
    struct LeaseView: Codable, Sendable { var owner: String; var expiresAt: Date }

    var id: Int64
    var kind: String
    var queue: String
    var state: String
    var priority: Int
    var attempt: Int
    var maxAttempts: Int
    var leaseLosses: Int
    var args: JSONValue
    var runAt: Date
    var createdAt: Date
    var attemptedAt: Date?
    var finalizedAt: Date?
    var uniqueKey: String?
    var lease: LeaseView?
    var errors: [Attempt]

    init(_ job: Job) {
        id = job.id
        kind = job.kind
        queue = job.queue
        state = job.state.rawValue
        priority = job.priority
        attempt = job.attempt
        maxAttempts = job.maxAttempts
        leaseLosses = job.leaseLosses
        args = JSONValue.parse(job.args)
        runAt = job.runAt
        createdAt = job.createdAt
        attemptedAt = job.attemptedAt
        finalizedAt = job.finalizedAt
        uniqueKey = job.uniqueKey
        lease = job.state == .running ? job.lease.map { LeaseView(owner: $0.owner, expiresAt: $0.expiresAt) } : nil
        errors = job.errors.map { Attempt(at: $0.at, attempt: $0.attempt, message: $0.message) }
    }
}
