import Foundation
import StewardApp
import StewardCRM
import GRDB
import StewardCore
import StewardSQLite
import StewardTesting
import Testing

@Suite("Scheduler processes", .serialized)
struct SchedulerProcessTests {
    /// Two `steward run` processes start together on a schedule that missed ten ticks, then a
    /// third starts later: every tick's job exists exactly once.
    @Test func twoSchedulersAndARestartNeverDoubleFire() async throws {
        try await SQLiteTestStore.with(schema: StewardStore.schema) { test in
            let workflows = test.directory.url.appendingPathComponent("Workflows")
            try FileManager.default.createDirectory(at: workflows, withIntermediateDirectories: true)
            try "kind: schedule\nname: minutely\nschedule: \"* * * * *\"\ncatch_up: all\ncatch_up_limit: 100\nconcurrency: allow\njob: { kind: noop }\n"
                .write(to: workflows.appendingPathComponent("s.yml"), atomically: true, encoding: .utf8)
            let tenMinutesAgo = Date().addingTimeInterval(-600)
            try await test.store.database.write { db in
                try db.execute(sql: "INSERT INTO schedule_ticks (name, last_tick, updated_at) VALUES ('minutely', ?, ?)",
                               arguments: [tenMinutesAgo.timeIntervalSince1970, tenMinutesAgo.timeIntervalSince1970])
            }
            let arguments = ["run", "--log-level", "debug", "--database", test.path]
            let first = try ChildProcess(arguments, in: test.directory.url), second = try ChildProcess(arguments, in: test.directory.url)
            for worker in [first, second] {
                #expect(await worker.waitForLog(containing: "schedules checked"), "\(worker.standardError)")
            }
            let restarted = try ChildProcess(arguments, in: test.directory.url)
            #expect(await restarted.waitForLog(containing: "schedules checked"), "\(restarted.standardError)")
            for worker in [first, second, restarted] {
                worker.send(SIGTERM)
                #expect(await worker.waitForExit() == 0)
            }
            let keys = try await test.store.database.read { db in
                try String.fetchAll(db, sql: "SELECT unique_key FROM jobs WHERE unique_key LIKE 'schedule:minutely:%' ORDER BY unique_key")
            }
            #expect(keys.count >= 10, "the missed ticks were caught up: \(keys)")
            #expect(Set(keys).count == keys.count, "no tick enqueued twice")
            let ticks = keys.compactMap { try? Date($0.replacingOccurrences(of: "schedule:minutely:", with: ""), strategy: .iso8601) }
            let gaps = zip(ticks, ticks.dropFirst()).map { $1.timeIntervalSince($0) }
            #expect(gaps.allSatisfy { $0 == 60 }, "one job per minute, none missing")
        }
    }
}
