import StewardCore
import Testing

@Suite("Job states")
struct JobStateTests {
    @Test func theStateBitsFormTheDefaultUniqueSet() {
        let set = JobStateSet.uniqueDefault
        #expect(JobState.allCases.filter(set.contains) == [.scheduled, .available, .running, .retryable, .completed])
        #expect(Set(JobState.allCases.map(\.bit)).count == JobState.allCases.count)
    }

    @Test func uniqueSetsMustCoverTheStatesJobsMoveThroughOnTheirOwn() throws {
        #expect(throws: StewardError.self) { try NewJob(kind: "k", uniqueKey: "u", uniqueStates: JobStateSet([.available])).validate() }
        try NewJob(kind: "k", uniqueKey: "u", uniqueStates: .uniqueRequired).validate()
        try NewJob(kind: "k", uniqueKey: "u").validate()
    }
}
