import Foundation
import StewardCore

extension JobStoreConformance {
    static let claimCases: [ConformanceCase] = [
        ConformanceCase(name: "claim order is priority, then run_at, then id") { store, clock in
            let base = clock.now()
            try await insert(store, clock, [
                NewJob(kind: "a", priority: 1, runAt: base.addingTimeInterval(-10)),
                NewJob(kind: "b", priority: 0, runAt: base.addingTimeInterval(-5)),
                NewJob(kind: "c", priority: 0, runAt: base.addingTimeInterval(-20)),
                NewJob(kind: "d", priority: 0, runAt: base.addingTimeInterval(-20)),
            ])
            let kinds = try await claim(store, clock, limit: 10).map(\.kind)
            try expectEqual(kinds, ["c", "d", "b", "a"], "claim order")
        },
        ConformanceCase(name: "batch claim takes at most the limit, each job once") { store, clock in
            try await insert(store, clock, (0..<25).map { NewJob(kind: "k", args: "{\"n\":\($0)}") })
            let first = try await claim(store, clock, limit: 10)
            let second = try await claim(store, clock, limit: 10)
            let third = try await claim(store, clock, limit: 10)
            try expectEqual([first.count, second.count, third.count], [10, 10, 5], "batch sizes")
            let ids = Set((first + second + third).map(\.id))
            try expectEqual(ids.count, 25, "distinct claimed jobs")
            try expectEqual(try await claim(store, clock).count, 0, "nothing left")
        },
        ConformanceCase(name: "claim sets running, attempt, lease owner, fresh token and expiry") { store, clock in
            try await insert(store, clock, [NewJob(kind: "k")])
            let job = try await claim(store, clock)[0]
            try expectEqual(job.state, .running, "state")
            try expectEqual(job.attempt, 1, "attempt")
            try expectEqual(job.lease?.owner, owner, "owner")
            try expectEqual(job.lease?.expiresAt, clock.now().adding(lease), "lease expiry")
            try expectEqual(job.attemptedAt, clock.now(), "attempted_at")
        },
        ConformanceCase(name: "claim only takes its own queue") { store, clock in
            try await insert(store, clock, [NewJob(kind: "k", queue: "mail"), NewJob(kind: "k", queue: "imports")])
            let claimed = try await claim(store, clock, queue: "mail")
            try expectEqual(claimed.map(\.queue), ["mail"], "queues claimed")
        },
        ConformanceCase(name: "scheduled jobs become claimable when due, not before") { store, clock in
            let inserted = try await insert(store, clock, [NewJob(kind: "k", runAt: clock.now().addingTimeInterval(60))])
            try expectEqual(inserted[0].job.state, .scheduled, "initial state")
            try expectEqual(try await store.jobNextRunAt(queue: "default"), clock.now().addingTimeInterval(60), "next run")
            try expectEqual(try await claim(store, clock).count, 0, "claimed before due")
            clock.advance(by: .seconds(60))
            try expectEqual(try await claim(store, clock).count, 1, "claimed when due")
        },
        ConformanceCase(name: "unique insert returns the existing job") { store, clock in
            let first = try await insert(store, clock, [NewJob(kind: "report", uniqueKey: "weekly:2026-01-05")])[0]
            let second = try await insert(store, clock, [NewJob(kind: "report", args: "{\"x\":1}", uniqueKey: "weekly:2026-01-05")])[0]
            try expectTrue(first.inserted && !second.inserted, "second insert must be refused")
            try expectEqual(second.job.id, first.job.id, "existing job returned")
            let other = try await insert(store, clock, [NewJob(kind: "other", uniqueKey: "weekly:2026-01-05")])[0]
            try expectTrue(other.inserted, "keys are per kind")
        },
        ConformanceCase(name: "unique key is free again once the job leaves its unique states") { store, clock in
            let first = try await insert(store, clock, [NewJob(kind: "k", uniqueKey: "u", uniqueStates: .uniqueRequired)])[0]
            let job = try await claim(store, clock)[0]
            _ = try await finish(store, clock, job, .completed)
            let again = try await insert(store, clock, [NewJob(kind: "k", uniqueKey: "u", uniqueStates: .uniqueRequired)])[0]
            try expectTrue(again.inserted, "completed job no longer holds the key")
            try expectTrue(again.job.id != first.job.id, "a new job")
        },
        ConformanceCase(name: "unique states must cover every state a job moves through on its own") { store, clock in
            try await expectStewardError(.invalidArguments) {
                try await insert(store, clock, [NewJob(kind: "k", uniqueKey: "u", uniqueStates: JobStateSet([.available, .running]))])
            }
            try expectEqual(try await store.jobList(JobListParams()).count, 0, "nothing inserted")
        },
    ]
}
