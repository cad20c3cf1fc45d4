import Foundation
import StewardCore

extension JobStoreConformance {
    static let adminCases: [ConformanceCase] = [
        ConformanceCase(name: "manual retry makes a discarded job available with one more attempt") { store, clock in
            try await insert(store, clock, [NewJob(kind: "k", maxAttempts: 1)])
            let job = try await claim(store, clock)[0]
            _ = try await finish(store, clock, job, .discard(error: "x"))
            let retried = try await store.jobRetry(id: job.id, now: clock.now())
            try expectEqual(retried.state, .available, "state")
            try expectEqual(retried.maxAttempts, 2, "an attempt granted")
            try expectEqual(retried.finalizedAt, nil, "no longer final")
            try expectEqual(try await claim(store, clock).map(\.id), [job.id], "claimable")
        },
        ConformanceCase(name: "manual retry refuses a running job; unknown ids are reported") { store, clock in
            try await insert(store, clock, [NewJob(kind: "k")])
            let job = try await claim(store, clock)[0]
            try await expectStewardError(.invalidTransition) { _ = try await store.jobRetry(id: job.id, now: clock.now()) }
            try await expectStewardError(.jobNotFound) { _ = try await store.jobRetry(id: 999_999, now: clock.now()) }
            try await expectStewardError(.jobNotFound) { _ = try await store.jobCancel(id: 999_999, now: clock.now()) }
        },
        ConformanceCase(name: "cancel works from any non-final state and not from a final one") { store, clock in
            let waiting = try await insert(store, clock, [NewJob(kind: "k"), NewJob(kind: "k", runAt: clock.now().addingTimeInterval(60))])
            for result in waiting {
                try expectEqual(try await store.jobCancel(id: result.job.id, now: clock.now()).state, .cancelled, "cancelled")
            }
            try await insert(store, clock, [NewJob(kind: "k")])
            let job = try await claim(store, clock)[0]
            _ = try await finish(store, clock, job, .completed)
            try await expectStewardError(.invalidTransition) { _ = try await store.jobCancel(id: job.id, now: clock.now()) }
        },
        ConformanceCase(name: "prune deletes old finished jobs only") { store, clock in
            try await insert(store, clock, (0..<3).map { _ in NewJob(kind: "k") })
            let jobs = try await claim(store, clock)
            _ = try await finish(store, clock, jobs[0], .completed)
            _ = try await finish(store, clock, jobs[1], .discard(error: "x"))
            clock.advance(by: .seconds(3600))
            let now = clock.now()
            let pruned = try await store.jobPrune(JobPruneParams(completedBefore: now, discardedBefore: now.addingTimeInterval(-7200), batchSize: 1))
            try expectEqual(pruned, 1, "pruned count")
            try expectEqual(try await store.jobGet(id: jobs[0].id), nil, "old completed job gone")
            try expectEqual(try await state(store, jobs[1].id), .discarded, "discarded kept longer")
            try expectEqual(try await state(store, jobs[2].id), .running, "running untouched")
        },
        ConformanceCase(name: "list filters by state, queue and kind; counts group by queue and state") { store, clock in
            try await insert(store, clock, [NewJob(kind: "a", queue: "q1"), NewJob(kind: "b", queue: "q1"), NewJob(kind: "a", queue: "q2")])
            _ = try await claim(store, clock, queue: "q2")
            try expectEqual(try await store.jobList(JobListParams(states: [.available])).map(\.kind), ["b", "a"], "available, newest first")
            try expectEqual(try await store.jobList(JobListParams(kind: "a")).map(\.queue), ["q2", "q1"], "by kind")
            try expectEqual(try await store.jobList(JobListParams(queue: "q2", limit: 5)).map(\.state), [.running], "by queue")
            let counts = Set(try await store.jobCountByState())
            try expectEqual(counts, [JobCount(queue: "q1", state: .available, count: 2), JobCount(queue: "q2", state: .running, count: 1)], "counts")
        },
    ]

    static let cancelRetryCases: [ConformanceCase] = [
        ConformanceCase(name: "a job cancelled while running cannot be retried until its old lease has run out") { store, clock in
            try await insert(store, clock, [NewJob(kind: "k")])
            let job = try await claim(store, clock)[0]
            _ = try await store.jobCancel(id: job.id, now: clock.now())
            try await expectStewardError(.invalidTransition) { _ = try await store.jobRetry(id: job.id, now: clock.now()) }
            clock.advance(by: lease + .seconds(1))
            try expectEqual(try await store.jobRetry(id: job.id, now: clock.now()).state, .available, "retried after the lease")
        },
        ConformanceCase(name: "retrying a job whose unique key was taken meanwhile names the holder") { store, clock in
            try await insert(store, clock, [NewJob(kind: "k", uniqueKey: "u")])
            let first = try await claim(store, clock)[0]
            _ = try await finish(store, clock, first, .discard(error: "x"))
            let second = try await insert(store, clock, [NewJob(kind: "k", uniqueKey: "u")])[0]
            do {
                _ = try await store.jobRetry(id: first.id, now: clock.now())
                throw ConformanceFailure(message: "retry should have been refused", location: #fileID)
            } catch let error as StewardError {
                try expectEqual(error.code, .invalidTransition, "code")
                try expectTrue(error.message.contains("job \(second.job.id)"), "names the holder: \(error.message)")
            }
        },
    ]

    static func expectStewardError(
        _ code: StewardError.Code, fileID: String = #fileID, line: Int = #line, _ body: () async throws -> Void
    ) async throws {
        do {
            try await body()
        } catch let error as StewardError {
            return try expectEqual(error.code, code, "error code", fileID: fileID, line: line)
        }
        throw ConformanceFailure(message: "expected error \(code), nothing thrown", location: "\(fileID):\(line)")
    }
}
