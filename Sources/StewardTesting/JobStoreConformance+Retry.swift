import Foundation
import StewardCore

extension JobStoreConformance {
    static let retryCases: [ConformanceCase] = [
        ConformanceCase(name: "a retried job runs again at its backoff time, with its errors kept") { store, clock in
            try await insert(store, clock, [NewJob(kind: "k", maxAttempts: 3)])
            let policy = RetryPolicy(maxAttempts: 3, backoff: .schedule([.seconds(10), .seconds(60)]))
            var random = SystemRandomNumberGenerator()
            var attempts: [Int] = []
            for round in 1...3 {
                let job = try await claim(store, clock)[0]
                attempts.append(job.attempt)
                let outcome = policy.outcome(afterFailureOf: job, message: "boom \(round)", permanent: false, now: clock.now(), using: &random)
                _ = try await finish(store, clock, job, outcome)
                if round < 3 {
                    clock.advance(by: .seconds(9))
                    try expectEqual(try await claim(store, clock).count, 0, "not due before backoff (round \(round))")
                    clock.advance(by: round == 1 ? .seconds(1) : .seconds(51))
                }
            }
            try expectEqual(attempts, [1, 2, 3], "attempt numbers")
            let final = try await store.jobList(JobListParams()).first
            try expectEqual(final?.state, .discarded, "discarded after the last attempt")
            try expectEqual(final?.errors.map(\.attempt), [1, 2, 3], "one error per attempt")
            try expectEqual(final?.errors.map(\.message), ["boom 1", "boom 2", "boom 3"], "error messages")
        },
        ConformanceCase(name: "a permanent failure discards at once") { store, clock in
            try await insert(store, clock, [NewJob(kind: "k", maxAttempts: 5)])
            let job = try await claim(store, clock)[0]
            var random = SystemRandomNumberGenerator()
            let outcome = RetryPolicy.standard.outcome(afterFailureOf: job, message: "bad data", permanent: true, now: clock.now(), using: &random)
            _ = try await finish(store, clock, job, outcome)
            try expectEqual(try await state(store, job.id), .discarded, "state")
        },
    ]
}
