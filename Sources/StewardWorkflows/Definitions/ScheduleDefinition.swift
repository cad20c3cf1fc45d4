import Yams
public import Foundation
public import StewardCore

/// `kind: schedule` — run any job kind on a cron schedule.
public struct ScheduleDefinition: Sendable, Equatable {
    public var name: String
    public var timing: ScheduleTiming
    public var job: JobTemplate

    static func read(_ document: MappingReader, name: String) -> ScheduleDefinition? {
        let timing = ScheduleTiming.read(document, required: true)
        let job = document.required("job", fix: "e.g. job: { kind: noop }").flatMap(JobTemplate.read)
        guard let timing, let job else { return nil }
        return ScheduleDefinition(name: name, timing: timing, job: job)
    }
}

extension ScheduleDefinition {
    /// The engine's form: the job template with this schedule's timing.
    public var scheduledJob: ScheduledJob {
        timing.scheduledJob(name: name, job: NewJob(kind: job.kind, args: job.args, queue: job.queue, priority: job.priority, maxAttempts: job.maxAttempts))
    }
}

/// When a scheduled thing fires: cron, zone, catch-up and overlap rules. Shared by schedules,
/// exports and winback rules.
public struct ScheduleTiming: Sendable, Equatable {
    public var cron: CronExpression
    public var timeZone: TimeZone
    public var catchUp: ScheduledJob.CatchUp
    /// With `catch_up: all`, at most this many missed ticks are run.
    public var catchUpLimit: Int
    /// A tick not started within this long after its time is skipped.
    public var startingDeadline: Duration?
    public var concurrency: ScheduledJob.Overlap

    /// The engine's form of something run on this timing.
    public func scheduledJob(name: String, job: NewJob) -> ScheduledJob {
        ScheduledJob(name: name, schedule: CronSchedule(cron, timeZone: timeZone), catchUp: catchUp, catchUpLimit: catchUpLimit,
                     startingDeadline: startingDeadline, overlap: concurrency, job: job)
    }

    static func read(_ document: MappingReader, required: Bool) -> ScheduleTiming? {
        let cronReader = required ? document.required("schedule", fix: #"write a cron expression, e.g. schedule: "0 7 * * MON""#) : document.optional("schedule")
        let cron = cronReader?.cron()
        let timeZone = document.optional("timezone")?.timeZone() ?? .gmt
        let catchUp = document.optional("catch_up")?.choice(ScheduledJob.CatchUp.self) ?? .latest
        let catchUpLimit = document.optional("catch_up_limit")?.int(in: 1...1000) ?? 10
        let deadlineReader = document.optional("starting_deadline")
        let startingDeadline = deadlineReader?.duration()
        if let startingDeadline, startingDeadline < .seconds(1) {
            deadlineReader?.issue("a starting deadline under a second would drop every tick", fix: "write at least 1s, e.g. 10m")
        }
        let concurrency = document.optional("concurrency")?.choice(ScheduledJob.Overlap.self) ?? .forbid
        guard let cron else { return nil }
        return ScheduleTiming(cron: cron, timeZone: timeZone, catchUp: catchUp, catchUpLimit: catchUpLimit,
                              startingDeadline: startingDeadline, concurrency: concurrency)
    }
}

/// The job a schedule or trigger enqueues.
public struct JobTemplate: Sendable, Equatable {
    public var kind: String
    /// JSON object text.
    public var args: String
    public var queue: String
    public var priority: Int
    public var maxAttempts: Int?
    /// Where `kind` was written, to report a kind this process cannot run.
    public var kindReference: WorkflowReference

    static func read(_ reader: ValueReader) -> JobTemplate? {
        guard let job = reader.mapping() else { return nil }
        defer { job.finish() }
        let kindReader = job.required("kind", fix: "name the job kind, e.g. kind: noop")
        let kind = kindReader?.nonEmptyString()
        let args = job.optional("args")?.jsonObject() ?? "{}"
        let queue = job.optional("queue")?.nonEmptyString() ?? "default"
        let priority = job.optional("priority")?.int(in: -100...100) ?? 0
        let maxAttempts = job.optional("max_attempts")?.int(in: 1...100)
        guard let kind, let kindReader else { return nil }
        return JobTemplate(kind: kind, args: args, queue: queue, priority: priority, maxAttempts: maxAttempts, kindReference: WorkflowReference(kindReader))
    }
}
