import Foundation
import Hummingbird
import StewardCore

/// A worker process as the API shows it.
struct ProcessView: ResponseEncodable, Sendable {
    var owner: String
    var host: String
    var pid: Int
    var queues: [String: Int]
    var running: Int
    var startedAt: Date
    var seenAt: Date
    var silent: Bool

    init(_ process: WorkerProcess, silent: Bool) {
        owner = process.owner
        host = process.host
        pid = process.pid
        queues = process.queues
        running = process.running
        startedAt = process.startedAt
        seenAt = process.seenAt
        self.silent = silent
    }
}
