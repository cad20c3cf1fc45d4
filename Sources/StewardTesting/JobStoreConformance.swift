import Foundation
public import StewardCore

/// The behaviour every `JobStore` must have, run against SQLite now and any later store (e.g.
/// PostgreSQL) unchanged. Each case gets a fresh, empty store and a manual clock.
public struct ConformanceCase: Sendable, CustomStringConvertible {
    public let name: String
    public let run: @Sendable (any JobStore, ManualClock) async throws -> Void
    public var description: String { name }
}

public enum JobStoreConformance {
    public static let cases: [ConformanceCase] = claimCases + leaseCases + retryCases + adminCases + cancelRetryCases + pauseCases + argumentFilterCases + queueStatsCases + activityCases + retryLaterCases + bucketCases + processCases

    static let owner = "test-worker"
    static let lease = Duration.seconds(30)

    static func claim(_ store: any JobStore, _ clock: ManualClock, queue: String = "default", limit: Int = 10) async throws -> [Job] {
        try await store.jobClaim(JobClaimParams(queue: queue, limit: limit, owner: owner, leaseDuration: lease, now: clock.now()))
    }

    @discardableResult
    static func insert(_ store: any JobStore, _ clock: ManualClock, _ jobs: [NewJob]) async throws -> [InsertResult] {
        try await store.jobInsertMany(jobs.map { job in
            var job = job
            job.maxAttempts = job.maxAttempts ?? 3
            return job
        }, now: clock.now())
    }

    static func finish(_ store: any JobStore, _ clock: ManualClock, _ job: Job, _ outcome: JobOutcome) async throws -> Set<JobID> {
        guard let lease = job.lease else { throw ConformanceFailure(message: "job \(job.id) has no lease", location: #fileID) }
        return try await store.jobFinishMany([JobFinish(lease: lease, outcome: outcome)], now: clock.now())
    }

    static func state(_ store: any JobStore, _ id: JobID) async throws -> JobState? {
        try await store.jobGet(id: id)?.state
    }
}
