import Foundation
import StewardCore

extension JobStoreConformance {
    static let activityCases: [ConformanceCase] = [
        ConformanceCase(name: "outcomes are rolled up per minute, queue and kind, with their run times") { store, clock in
            let minute = JobMinute.start(of: clock.now()).adding(.seconds(60))
            clock.advance(to: minute.adding(.seconds(5)))
            try await insert(store, clock, [NewJob(kind: "a"), NewJob(kind: "a"), NewJob(kind: "a"), NewJob(kind: "a"),
                                            NewJob(kind: "b", queue: "other")])
            let claimed = try await claim(store, clock)
            clock.advance(by: .milliseconds(1500))
            let leases = claimed.compactMap(\.lease)
            _ = try await store.jobFinishMany([
                JobFinish(lease: leases[0], outcome: .completed), JobFinish(lease: leases[1], outcome: .completed),
                JobFinish(lease: leases[2], outcome: .retry(at: clock.now(), error: "timeout")),
                JobFinish(lease: leases[3], outcome: .snooze(until: clock.now().adding(.seconds(600)))),
            ], now: clock.now())
            let other = try await claim(store, clock, queue: "other")
            clock.advance(by: .seconds(60))
            _ = try await finish(store, clock, other[0], .discard(error: "bad"))

            let rows = try await store.jobMinutes(from: minute, to: minute.adding(.seconds(120)), queue: nil)
            try expectEqual(rows.map { "\($0.queue)/\($0.kind)" }, ["default/a", "other/b"], "rows, by minute")
            try expectEqual([rows[0].completed, rows[0].failed, rows[0].retried], [2, 0, 1], "default/a: completed, failed, retried (a snooze is not counted)")
            try expectEqual(rows[0].minute, minute, "default/a's minute")
            try expectEqual(rows[1].minute, minute.adding(.seconds(60)), "other/b's minute (when it finished)")
            try expectEqual([rows[1].completed, rows[1].failed, rows[1].retried], [0, 1, 0], "other/b")
            try expectEqual(rows[0].runTimes.total, 3, "run times counted")
            let median = try rows[0].runTimes.percentile(0.5) ?? { throw ConformanceFailure(message: "no median", location: #fileID) }()
            try expectTrue(abs(median - 1.5) / 1.5 < 0.1, "median run time \(median) s is 1.5 s within a bucket")
            try expectEqual(try await store.jobMinutes(from: minute, to: minute.adding(.seconds(120)), queue: "other").map(\.kind), ["b"],
                            "one queue's rows")
        },
        ConformanceCase(name: "a second batch in the same minute adds to its row; a rescued lease counts as a retry without a run time") { store, clock in
            let minute = JobMinute.start(of: clock.now()).adding(.seconds(60))
            clock.advance(to: minute.adding(.seconds(1)))
            try await insert(store, clock, [NewJob(kind: "a"), NewJob(kind: "a"), NewJob(kind: "a")])
            let claimed = try await claim(store, clock)
            clock.advance(by: .seconds(2))
            _ = try await finish(store, clock, claimed[0], .completed)
            clock.advance(by: .seconds(2))
            _ = try await finish(store, clock, claimed[1], .completed)
            clock.advance(by: lease)
            _ = try await store.jobRescueExpired(now: clock.now(), limit: 10) { _ in .leaseLost(error: "worker gone") }
            let rows = try await store.jobMinutes(from: minute, to: minute.adding(.seconds(60)), queue: nil)
            try expectEqual(rows.count, 1, "one row for the minute")
            try expectEqual([rows[0].completed, rows[0].retried], [2, 1], "completed across two batches, and the rescued lease")
            try expectEqual(rows[0].runTimes.total, 2, "run times: the two completions only")
            let slowest = try rows[0].runTimes.percentile(1) ?? { throw ConformanceFailure(message: "no p100", location: #fileID) }()
            try expectTrue(abs(slowest - 4) / 4 < 0.1, "the slowest run \(slowest) s is 4 s within a bucket")
        },
        ConformanceCase(name: "the rollup is pruned by minute") { store, clock in
            try await insert(store, clock, [NewJob(kind: "a"), NewJob(kind: "a")])
            let claimed = try await claim(store, clock)
            _ = try await finish(store, clock, claimed[0], .completed)
            clock.advance(by: .seconds(120))
            _ = try await finish(store, clock, claimed[1], .completed)
            let everything = (from: clock.now().adding(.seconds(-3600)), to: clock.now().adding(.seconds(60)))
            try expectEqual(try await store.jobMinutes(from: everything.from, to: everything.to, queue: nil).count, 2, "two minutes kept")
            try expectEqual(try await store.jobMinutesPrune(before: JobMinute.start(of: clock.now())), 1, "rows pruned")
            try expectEqual(try await store.jobMinutes(from: everything.from, to: everything.to, queue: nil).map(\.completed), [1], "the newer minute stays")
        },
    ]
}

extension JobStoreConformance {
    static let retryLaterCases: [ConformanceCase] = [
        ConformanceCase(name: "a retry on the kind's own schedule keeps the error, spends no attempt and counts as retried") { store, clock in
            try await insert(store, clock, [NewJob(kind: "hook", maxAttempts: 1)])
            let claimed = try await claim(store, clock)
            let later = clock.now().adding(.seconds(90))
            _ = try await finish(store, clock, claimed[0], .retryLater(at: later, error: "HTTP 503"))
            let job = try await store.jobGet(id: claimed[0].id)
            try expectEqual(job?.state, .retryable, "state")
            try expectEqual(job?.attempt, 0, "attempts spent")
            try expectEqual(job?.runAt, later, "due")
            try expectEqual(job?.errors.map(\.message), ["HTTP 503"], "errors kept")
            let rows = try await store.jobMinutes(from: JobMinute.start(of: clock.now()), to: clock.now().adding(.seconds(60)), queue: nil)
            try expectEqual(rows.map(\.retried), [1], "counted as retried")
            clock.advance(by: .seconds(91))
            try expectEqual(try await claim(store, clock).map(\.attempt), [1], "claimed again when due, as its first attempt")
        },
    ]
}

extension JobStoreConformance {
    static let bucketCases: [ConformanceCase] = [
        ConformanceCase(name: "the rollup is summed per bucket, queue and kind, run times merged") { store, clock in
            let hour = (clock.now().timeIntervalSince1970 / 3600).rounded(.down) * 3600 + 3600
            clock.advance(to: Date(timeIntervalSince1970: hour + 60))
            for (offset, runTime) in [(0, 1), (10, 1), (30, 4)] {
                clock.advance(to: Date(timeIntervalSince1970: hour + 60 + Double(offset * 60)))
                try await insert(store, clock, [NewJob(kind: "a")])
                let claimed = try await claim(store, clock)
                clock.advance(by: .seconds(Int64(runTime)))
                _ = try await finish(store, clock, claimed[0], .completed)
            }
            let start = Date(timeIntervalSince1970: hour)
            let quarters = try await store.jobMinuteBuckets(from: start, to: start.adding(.seconds(3600)), queue: nil, bucket: .seconds(900))
            try expectEqual(quarters.map(\.minute), [start, start.adding(.seconds(1800))], "15-minute buckets, dated at their start")
            try expectEqual(quarters.map(\.completed), [2, 1], "completions per bucket")
            try expectEqual(quarters.map(\.runTimes.total), [2, 1], "run times per bucket")
            let whole = try await store.jobMinuteBuckets(from: start, to: start.adding(.seconds(3600)), queue: "default", bucket: .seconds(3600))
            try expectEqual(whole.map(\.completed), [3], "one bucket for the hour")
            let slowest = try whole.first?.runTimes.percentile(1) ?? { throw ConformanceFailure(message: "no p100", location: #fileID) }()
            try expectTrue(abs(slowest - 4) / 4 < 0.1, "the merged run times keep the slowest run (\(slowest) s)")
            try expectEqual(try await store.jobMinuteBuckets(from: start, to: start.adding(.seconds(3600)), queue: "other", bucket: .seconds(900)).count, 0,
                            "another queue's rows")
        },
    ]
}

extension JobStoreConformance {
    static let processCases: [ConformanceCase] = [
        ConformanceCase(name: "worker processes are listed while they beat, with their running jobs, and forgotten") { store, clock in
            let start = clock.now()
            let process = WorkerProcess(owner: owner, host: "web-1", pid: 42, queues: ["default": 10], startedAt: start, seenAt: start)
            try await store.processBeat(process)
            try await store.processBeat(WorkerProcess(owner: "idle", host: "web-2", pid: 7, queues: ["imports": 2], startedAt: start, seenAt: start))
            try await insert(store, clock, [NewJob(kind: "k"), NewJob(kind: "k")])
            _ = try await claim(store, clock, limit: 1)
            clock.advance(by: .seconds(30))
            var later = process
            later.seenAt = clock.now()
            try await store.processBeat(later)
            let listed = try await store.processes(seenSince: start)
            try expectEqual(listed.map(\.owner), [owner, "idle"], "by host")
            try expectEqual(listed.map(\.running), [1, 0], "running jobs under each owner's leases")
            try expectEqual(listed.first?.seenAt, clock.now(), "the latest beat")
            try expectEqual(listed.first?.startedAt, start, "started when it first beat")
            try expectEqual(listed.first?.queues, ["default": 10], "queues")
            try expectEqual(try await store.processes(seenSince: start.adding(.seconds(1))).map(\.owner), [owner], "the silent one left out")
            try expectEqual(try await store.processPrune(seenBefore: start.adding(.seconds(1))), 1, "the silent one forgotten")
            try await store.processGone(owner: owner)
            try expectEqual(try await store.processes(seenSince: .distantPast).count, 0, "gone")
        },
    ]
}
