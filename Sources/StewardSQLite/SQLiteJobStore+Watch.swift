import Foundation
import GRDB
public import StewardCore

extension SQLiteJobStore {
    /// `PRAGMA data_version` changes whenever *another* connection commits. Asked on this
    /// process's writer connection it ignores our own commits (which wake workers directly), so
    /// it changes only for other processes; the pragma costs microseconds and never scans jobs.
    public func watchForeignCommits(every interval: Duration, clock: some JobClock) async throws {
        var last = try await dataVersion()
        while true {
            try await clock.sleep(for: interval)
            let current = try await dataVersion()
            if current != last {
                last = current
                notifications.notifyAll()
            }
        }
    }

    /// Read outside any transaction: inside one, the value would be frozen at its snapshot.
    private func dataVersion() async throws -> Int {
        try await database.writeWithoutTransaction { try Int.fetchOne($0, sql: "PRAGMA data_version") ?? 0 }
    }
}
