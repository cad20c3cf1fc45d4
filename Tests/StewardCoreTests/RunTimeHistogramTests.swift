import Foundation
import Testing
import StewardCore

struct RunTimeHistogramTests {
    @Test func percentilesFallWithinABucketOfTheTruth() {
        var histogram = RunTimeHistogram()
        for milliseconds in 1...1000 { histogram.record(Double(milliseconds) / 1000) }
        let p50 = try! #require(histogram.percentile(0.5))
        let p95 = try! #require(histogram.percentile(0.95))
        #expect(abs(p50 - 0.5) / 0.5 < 0.1, "p50 \(p50)")
        #expect(abs(p95 - 0.95) / 0.95 < 0.1, "p95 \(p95)")
        #expect(histogram.total == 1000)
    }

    @Test func mergingAddsCountsAndTheTextFormRoundTrips() {
        var fast = RunTimeHistogram()
        var slow = RunTimeHistogram()
        for _ in 0..<9 { fast.record(0.010) }
        slow.record(5)
        fast.merge(slow)
        #expect(fast.total == 10)
        #expect(RunTimeHistogram(compactText: fast.compactText) == fast)
        let p95 = try! #require(fast.percentile(0.95))
        #expect(abs(p95 - 5) / 5 < 0.1, "the one slow run is the p95: \(p95)")
    }

    @Test func extremesLandInTheEndBucketsAndDamagedTextIsSkipped() {
        var histogram = RunTimeHistogram()
        histogram.record(0.0001)
        histogram.record(86_400 * 30)
        #expect(histogram.counts.keys.sorted() == [0, RunTimeHistogram.lastBucket])
        #expect(RunTimeHistogram(compactText: "3:2 x:1 4 -1:5 999:1 5:0").counts == [3: 2])
        #expect(RunTimeHistogram().percentile(0.5) == nil)
    }
}
