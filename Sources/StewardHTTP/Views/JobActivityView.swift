import Foundation
import Hummingbird
import StewardCore

/// One minute of one queue (and kind, or `*` for all kinds) as the API shows it.
struct JobActivityMinuteView: ResponseEncodable, Sendable {
    var minute: Date
    var queue: String
    var kind: String
    var completed: Int
    var failed: Int
    var retried: Int
    var runTimeP50Ms: Double?
    var runTimeP95Ms: Double?

    init(_ row: JobMinute) {
        minute = row.minute
        queue = row.queue
        kind = row.kind
        completed = row.completed
        failed = row.failed
        retried = row.retried
        runTimeP50Ms = row.runTimes.milliseconds(at: 0.5)
        runTimeP95Ms = row.runTimes.milliseconds(at: 0.95)
    }
}

struct JobActivityView: ResponseEncodable, Sendable {
    var from: Date
    var to: Date
    var minutes: [JobActivityMinuteView]
}
