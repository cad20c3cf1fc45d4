public import StewardCore
public import StewardSQLite
public import Foundation
import Logging
public import StewardWorkflows

/// `winback_scan` jobs: `{"rule": "inactive-accounts"}`, scheduled by the rule's `schedule`.
public enum WinbackKind {
    public static let name = "winback_scan"
    public static let queue = "winback"

    public static func make(store: SQLiteJobStore, definitions: WorkflowDefinitions, clock: any JobClock) -> JobKind {
        JobKind(name: name, retryPolicy: RetryPolicy(maxAttempts: 3, backoff: .exponential(base: .seconds(30), cap: .seconds(900))),
                checkArguments: checkArguments) { context in
            let args = try context.arguments(Args.self)
            let set = definitions.set
            guard let rule = set.winbacks[args.rule], let cadence = set.cadences[rule.cadence] else {
                throw JobPermanentError("no winback rule named '\(args.rule)' (with its cadence) in the workflow files")
            }
            // A scheduled scan is dated by its tick, so a caught-up run derives the day it was due.
            let tick = args.tick.flatMap { try? Date($0, strategy: .iso8601) }
            let day = try args.as_of.map(scanDay) ?? rule.day(of: tick ?? clock.now())
            context.logger.info("winback scan started", metadata: ["rule": "\(rule.name)", "as_of": "\(day)"])
            let result: WinbackScanResult
            do {
                result = try await WinbackService(store: store).scan(rule, cadence: cadence, asOf: day, syncFile: false, now: clock.now())
            } catch let error as StewardError where error.code == .staleScan {
                // A caught-up tick older than a scan that already ran: nothing left to do.
                context.logger.info("winback scan skipped", metadata: ["reason": "\(error.message)"])
                return .completed
            }
            context.logger.info("winback scan finished", metadata: ["changed": "\(result.changed)", "flagged": "\(result.flagged.count)",
                                                                   "reactivated": "\(result.reactivated.count)"])
            return .completed
        }
    }

    struct Args: Decodable { var rule: String; var as_of: String?; var tick: String? }

    /// `{"rule": NAME}`, with `as_of` a day when given.
    public static let checkArguments: JobArgumentCheck = { json in
        let args = try JobArguments.decode(Args.self, from: json, kind: name)
        if let day = args.as_of, CRMDay(day) == nil || day.count != 10 {
            throw JobArguments.invalid(name, field: "as_of", "must be a day (YYYY-MM-DD), got '\(day)'")
        }
    }

    /// `as_of` from job arguments; a day that does not parse will not parse on a retry either.
    static func scanDay(_ text: String) throws -> CRMDay {
        guard let day = CRMDay(text), text.count == 10 else { throw JobPermanentError("as_of: '\(text)' is not a day (YYYY-MM-DD)") }
        return day
    }

    public static func scheduledJob(_ rule: WinbackDefinition) -> ScheduledJob? {
        rule.timing?.scheduledJob(name: "winback:\(rule.name)", job: NewJob(kind: name, queue: queue).addingArguments(["rule": rule.name]))
    }
}

extension WinbackDefinition {
    /// The scan day of an instant, in the time zone of the rule's schedule (UTC without one).
    public func day(of date: Date) -> CRMDay {
        CRMDay(date, in: timing?.timeZone ?? .gmt)
    }
}
