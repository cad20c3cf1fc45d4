import Foundation
import StewardCore

/// A job as the CLI shows it: a JSON object for scripts (snake_case keys, ISO 8601 times, args
/// as JSON), a table row for people.
struct JobView {
    var job: Job

    static let tableHeaders = ["ID", "KIND", "QUEUE", "STATE", "ATTEMPT", "RUN AT", "LAST ERROR"]

    var tableRow: [String] {
        [String(job.id), job.kind, job.queue, job.state.rawValue, "\(job.attempt)/\(job.maxAttempts)",
         Timestamps.iso(job.runAt), job.errors.last.map { Self.shorten($0.message) } ?? ""]
    }

    var jsonObject: [String: Any] {
        var object: [String: Any] = [
            "id": job.id, "kind": job.kind, "queue": job.queue, "state": job.state.rawValue,
            "priority": job.priority, "attempt": job.attempt, "max_attempts": job.maxAttempts, "lease_losses": job.leaseLosses,
            "run_at": Timestamps.iso(job.runAt), "created_at": Timestamps.iso(job.createdAt),
            "args": (try? JSONSerialization.jsonObject(with: Data(job.args.utf8), options: .fragmentsAllowed)) ?? NSNull(),
            "errors": job.errors.map { ["at": Timestamps.iso($0.at), "attempt": $0.attempt, "message": $0.message] as [String: Any] },
        ]
        object["attempted_at"] = job.attemptedAt.map(Timestamps.iso)
        object["finalized_at"] = job.finalizedAt.map(Timestamps.iso)
        object["lease_owner"] = job.lease?.owner
        object["lease_expires_at"] = job.lease.map { Timestamps.iso($0.expiresAt) }
        object["unique_key"] = job.uniqueKey
        return object
    }

    static func shorten(_ text: String, to limit: Int = 48) -> String {
        let line = text.replacingOccurrences(of: "\n", with: " ")
        return line.count <= limit ? line : String(line.prefix(limit - 1)) + "…"
    }
}

enum JSONOutput {
    /// Serialises with sorted keys, one document per call.
    static func render(_ value: Any) throws -> String {
        let data = try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }
}

enum Timestamps {
    static func iso(_ date: Date) -> String {
        date.formatted(.iso8601.year().month().day().time(includingFractionalSeconds: true).timeZone(separator: .omitted))
    }

    /// ISO 8601 (`2026-01-05T09:00:00Z`, with or without fractional seconds or an offset), or a
    /// duration from now (`+10m`).
    static func parse(_ text: String, field: String, now: Date) throws -> Date {
        if text.hasPrefix("+") {
            if case .failure(.tooLong) = DurationParsing.check(String(text.dropFirst())) {
                throw StewardError(.invalidArguments, "\(field): '\(text)' is too far ahead: at most 100 years from now", fix: "use e.g. +30d, or an ISO 8601 time")
            }
            return now.adding(try DurationParsing.require(String(text.dropFirst()), field: field))
        }
        for style in [Date.ISO8601FormatStyle(includingFractionalSeconds: true), Date.ISO8601FormatStyle()] {
            if let date = try? style.parse(text) { return date }
        }
        throw StewardError(.invalidArguments, "\(field): '\(text)' is not a time", fix: "use ISO 8601 like 2026-01-05T09:00:00Z, or +10m from now")
    }
}
