import Foundation
import StewardCore

extension JobStoreConformance {
    static let pauseCases: [ConformanceCase] = [
        ConformanceCase(name: "a paused queue is not claimed until it is resumed or its resume time passes") { store, clock in
            try await insert(store, clock, [NewJob(kind: "k"), NewJob(kind: "k", queue: "other")])
            _ = try await store.queuePause(QueuePauseParams(queue: "default", reason: "maintenance", resumeAt: clock.now().adding(.seconds(60)), now: clock.now()))
            try expectEqual(try await claim(store, clock).count, 0, "claimed from the paused queue")
            try expectEqual(try await claim(store, clock, queue: "other").count, 1, "claimed from another queue")
            try expectEqual(try await store.queuePauses(now: clock.now()).map(\.reason), ["maintenance"], "pauses in force")
            clock.advance(by: .seconds(61))
            try expectEqual(try await store.queuePauses(now: clock.now()).count, 0, "pauses in force after the resume time")
            try expectEqual(try await claim(store, clock).count, 1, "claimed once the resume time passed")
        },
        ConformanceCase(name: "resuming a queue lets it be claimed at once") { store, clock in
            try await insert(store, clock, [NewJob(kind: "k")])
            _ = try await store.queuePause(QueuePauseParams(queue: "default", now: clock.now()))
            try expectEqual(try await claim(store, clock).count, 0, "claimed while paused")
            try expectEqual(try await store.queueResume("default"), true, "resumed")
            try expectEqual(try await store.queueResume("default"), false, "resumed twice")
            try expectEqual(try await claim(store, clock).count, 1, "claimed after the resume")
        },
    ]
}

extension JobStoreConformance {
    static let argumentFilterCases: [ConformanceCase] = [
        ConformanceCase(name: "jobs are listed by their arguments, numbers as numbers") { store, clock in
            try await insert(store, clock, [
                NewJob(kind: "k", args: #"{"account_id": 42, "owner": "anna", "deal": {"stage": "won"}}"#),
                NewJob(kind: "k", args: #"{"account_id": 7, "owner": "anna"}"#),
                NewJob(kind: "k", args: #"{"account_id": "42"}"#),
            ])
            func count(_ filters: String...) async throws -> Int {
                try await store.jobList(JobListParams(args: try filters.map(JobArgumentFilter.init(parsing:)))).count
            }
            try expectEqual(try await count("account_id=42"), 1, "account_id=42 (the number)")
            try expectEqual(try await count("owner=anna"), 2, "owner=anna")
            try expectEqual(try await count("owner=anna", "account_id=7"), 1, "both filters")
            try expectEqual(try await count("deal.stage=won"), 1, "a nested key")
            try expectEqual(try await count("missing=1"), 0, "a key no job has")
        },
    ]
}

extension JobStoreConformance {
    static let queueStatsCases: [ConformanceCase] = [
        ConformanceCase(name: "queue stats: depth by state, the oldest available job, outcomes in the window") { store, clock in
            let start = clock.now()
            try await insert(store, clock, [NewJob(kind: "k"), NewJob(kind: "k"), NewJob(kind: "k"), NewJob(kind: "k", queue: "other")])
            clock.advance(by: .seconds(100))
            let claimed = try await claim(store, clock, limit: 2)
            _ = try await finish(store, clock, claimed[0], .completed)
            _ = try await finish(store, clock, claimed[1], .discard(error: "bad"))
            clock.advance(by: .seconds(20))
            let stats = try await store.queueStats(now: clock.now(), window: .seconds(60))
            try expectEqual(stats.map(\.queue), ["default", "other"], "queues")
            try expectEqual(stats[0].counts, [.available: 1], "default's depth (active states only)")
            try expectEqual(stats[0].oldestAvailableAt, start, "default's oldest available job")
            try expectEqual(stats[0].lag(at: clock.now()), 120, "default's lag")
            try expectEqual([stats[0].completedInWindow, stats[0].discardedInWindow], [1, 1], "outcomes in the last minute")
            clock.advance(by: .seconds(60))
            let later = try await store.queueStats(now: clock.now(), window: .seconds(60))
            try expectEqual([later[0].completedInWindow, later[0].discardedInWindow], [0, 0], "outcomes a minute later")
            let drained = try await claim(store, clock, queue: "other")
            _ = try await finish(store, clock, drained[0], .completed)
            clock.advance(by: .seconds(120))
            try expectEqual(try await store.queueStats(now: clock.now(), window: .seconds(60)).map(\.queue), ["default"],
                            "a queue with only old finished jobs is not listed")
        },
    ]
}
