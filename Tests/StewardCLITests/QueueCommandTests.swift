import Foundation
import StewardApp
import StewardCore
import StewardSQLite
import StewardTesting
import GRDB
import Testing

/// Pausing a queue holds its jobs for every process, across restarts, until it is resumed.
@Suite("Queue commands")
struct QueueCommandTests {
    @Test func aPausedQueueIsNotWorkedUntilResumed() async throws {
        try await SQLiteTestStore.with(schema: StewardStore.schema) { test in
            let id = try await test.store.jobInsertMany([NewJob(kind: "noop", queue: "mail")], now: Date())[0].job.id
            let pause = await steward("queues", "pause", "mail", "--reason", "provider outage", "--database", test.path)
            #expect(pause.code == 0, "\(pause.error)")
            let drained = await steward("run", "--drain", "--queue", "mail=2", "--database", test.path)
            #expect(drained.code == 0, "\(drained.error)")
            #expect(drained.output.hasPrefix("drained: nothing to run"))
            #expect(try await test.store.jobGet(id: id)?.state == .available, "the paused queue's job waits")
            let list = await steward("queues", "list", "--database", test.path)
            #expect(list.output.contains("mail") && list.output.contains("provider outage"), "\(list.output)")

            #expect(await steward("queues", "resume", "mail", "--database", test.path).output == "queue mail resumed\n")
            _ = await steward("run", "--drain", "--queue", "mail=2", "--database", test.path)
            #expect(try await test.store.jobGet(id: id)?.state == .completed)
            #expect(await steward("queues", "resume", "mail", "--database", test.path).output == "queue mail was not paused\n")
            let audit = try await test.store.database.read { db in
                try String.fetchAll(db, sql: "SELECT action FROM audit_log WHERE entity = 'queue' ORDER BY audit_id")
            }
            #expect(audit == ["queue.paused", "queue.resumed"], "each change audited once")
        }
    }

    @Test func aPauseNeedsAQueueName() async throws {
        try await SQLiteTestStore.with(schema: StewardStore.schema) { test in
            let result = await steward("queues", "pause", " ", "--database", test.path)
            #expect(result.code == 64 && result.error.contains("the queue name is empty"), "\(result.error)")
        }
    }
}
