import StewardCore
import StewardTesting
import Testing

@Suite("SQLite store conformance")
struct ConformanceTests {
    @Test(.sqliteDatabase, arguments: JobStoreConformance.cases)
    func conformance(_ check: ConformanceCase) async throws {
        let test = try SQLiteDatabaseTrait.store()
        try await check.run(test.store, ManualClock())
    }
}
