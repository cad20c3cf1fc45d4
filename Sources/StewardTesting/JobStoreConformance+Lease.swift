import Foundation
import StewardCore

extension JobStoreConformance {
    static let leaseCases: [ConformanceCase] = [
        ConformanceCase(name: "heartbeat extends a held lease and reports a lost one") { store, clock in
            try await insert(store, clock, [NewJob(kind: "k"), NewJob(kind: "k")])
            let jobs = try await claim(store, clock)
            _ = try await store.jobCancel(id: jobs[1].id, now: clock.now())
            let later = clock.now().addingTimeInterval(45)
            let lost = try await store.jobHeartbeat(jobs.compactMap(\.lease), expiresAt: later)
            try expectEqual(lost, [jobs[1].id], "lost leases")
            try expectEqual(try await store.jobGet(id: jobs[0].id)?.lease?.expiresAt, later, "extended expiry")
        },
        ConformanceCase(name: "rescue returns expired jobs to retryable, or discards spent ones") { store, clock in
            try await insert(store, clock, [NewJob(kind: "k", maxAttempts: 3), NewJob(kind: "k", maxAttempts: 1)])
            let jobs = try await claim(store, clock)
            try expectEqual(try await store.jobRescueExpired(now: clock.now(), limit: 10) { _ in .release }.count, 0, "nothing expired yet")
            clock.advance(by: lease + .seconds(1))
            let retryAt = clock.now().addingTimeInterval(5)
            let rescued = try await store.jobRescueExpired(now: clock.now(), limit: 10) { job in
                job.attempt >= job.maxAttempts ? .discard(error: "lease expired") : .retry(at: retryAt, error: "lease expired")
            }
            try expectEqual(Set(rescued.map(\.state)), [.retryable, .discarded], "rescued states")
            let retried = try await store.jobGet(id: jobs[0].id)
            try expectEqual(retried?.errors.map(\.message), ["lease expired"], "error recorded")
            try expectEqual(retried?.runAt, retryAt, "retry time")
        },
        ConformanceCase(name: "a rescued job's late finisher changes nothing") { store, clock in
            try await insert(store, clock, [NewJob(kind: "k")])
            let stale = try await claim(store, clock)[0]
            clock.advance(by: lease + .seconds(1))
            _ = try await store.jobRescueExpired(now: clock.now(), limit: 10) { _ in .retry(at: clock.now(), error: "lease expired") }
            let fresh = try await claim(store, clock)[0]
            try expectEqual(fresh.id, stale.id, "same job claimed again")
            try expectTrue(fresh.lease?.token != stale.lease?.token, "new claim gets a new token")
            let lost = try await finish(store, clock, stale, .completed)
            try expectEqual(lost, [stale.id], "stale finish reported lost")
            try expectEqual(try await state(store, stale.id), .running, "still running under the new lease")
            try expectEqual(try await store.jobHeartbeat([stale.lease!], expiresAt: clock.now()), [stale.id], "stale heartbeat lost")
            try expectEqual(try await finish(store, clock, fresh, .completed), [], "fresh finish applies")
            try expectEqual(try await state(store, stale.id), .completed, "completed by the new lease")
        },
        ConformanceCase(name: "release returns a job to available without spending the attempt") { store, clock in
            try await insert(store, clock, [NewJob(kind: "k")])
            let job = try await claim(store, clock)[0]
            _ = try await finish(store, clock, job, .release)
            let released = try await store.jobGet(id: job.id)
            try expectEqual(released?.state, .available, "state")
            try expectEqual(released?.attempt, 0, "attempt given back")
            try expectEqual(try await claim(store, clock).map(\.id), [job.id], "claimable again")
        },
        ConformanceCase(name: "finishing many applies each outcome in one call") { store, clock in
            try await insert(store, clock, (0..<4).map { _ in NewJob(kind: "k") })
            let jobs = try await claim(store, clock)
            let later = clock.now().addingTimeInterval(30)
            let outcomes: [JobOutcome] = [.completed, .retry(at: later, error: "e"), .discard(error: "p"), .snooze(until: later)]
            let finishes = zip(jobs, outcomes).map { JobFinish(lease: $0.lease!, outcome: $1) }
            try expectEqual(try await store.jobFinishMany(finishes, now: clock.now()), [], "none lost")
            for (job, outcome) in zip(jobs, outcomes) {
                try expectEqual(try await state(store, job.id), outcome.resultingState, "state after \(outcome)")
            }
            try expectEqual(try await store.jobGet(id: jobs[3].id)?.attempt, 0, "snooze does not count")
        },
    ]
}
