import Foundation
import GRDB
public import StewardCore

extension SQLiteJobStore {
    /// `PRAGMA data_version` changes whenever another connection commits. Asking it on a
    /// connection of its own costs microseconds, so other processes' enqueues are noticed within
    /// `interval` without scanning the jobs table.
    public func watchForeignCommits(every interval: Duration, clock: some JobClock) async throws {
        let watcher = try DatabaseQueue(path: path, configuration: Self.watcherConfiguration())
        var last = try dataVersion(watcher)
        while true {
            try await clock.sleep(for: interval)
            let current = try dataVersion(watcher)
            if current != last {
                last = current
                notifications.notifyAll()
            }
        }
    }

    private static func watcherConfiguration() -> Configuration {
        var config = Configuration()
        config.readonly = true
        config.label = "steward.watcher"
        return config
    }

    /// Read outside any transaction: inside one, the value would be frozen at its snapshot.
    private func dataVersion(_ watcher: DatabaseQueue) throws -> Int {
        try watcher.inDatabase { try Int.fetchOne($0, sql: "PRAGMA data_version") ?? 0 }
    }
}
