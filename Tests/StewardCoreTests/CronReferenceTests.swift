import Foundation
import StewardCore
import Testing

/// One expectation from cronsim, generated into CronReferenceCases.swift by
/// scripts/cron-diff/cron_diff.py.
struct CronReferenceCase: Sendable {
    var expression: String
    var timeZone: String
    /// Unix seconds, exclusive.
    var after: Int
    var expected: [Int]

    init(_ expression: String, _ timeZone: String, _ after: Int, _ expected: [Int]) {
        self.expression = expression
        self.timeZone = timeZone
        self.after = after
        self.expected = expected
    }
}

@Suite("Cron against cronsim")
struct CronReferenceTests {
    @Test func agreesWithCronsim() {
        #expect(cronReferenceCases.count >= 300)
        Self.check(cronReferenceCases)
    }

    /// A large generated run, kept out of the source: see scripts/cron-diff/cron_diff.py --json.
    @Test(.enabled(if: extendedRunPath != nil))
    func agreesWithCronsimOnAnExtendedRun() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: extendedRunPath ?? ""))
        let rows = try JSONDecoder().decode([Row].self, from: data)
        Self.check(rows.map { CronReferenceCase($0.expression, $0.timeZone, $0.after, $0.expected) })
    }

    private static func check(_ cases: [CronReferenceCase]) {
        for reference in cases {
            let label = Comment(rawValue: "\(reference.expression) in \(reference.timeZone) after \(reference.after)")
            do {
                let fires = try fires(reference)
                #expect(fires == reference.expected, label)
            } catch let error as StewardError where reference.expected.isEmpty && error.message.hasSuffix("so it never fires") {
                // cronsim finds no fire time either; Steward refuses such an expression outright.
            } catch {
                Issue.record(error, label)
            }
        }
    }

    /// Asks for one more than cronsim gave when it gave fewer than asked (an impossible or
    /// decades-rare schedule), so Steward finding an extra time shows up as a difference.
    private static func fires(_ reference: CronReferenceCase) throws -> [Int] {
        let schedule = try CronSchedule(parsing: reference.expression, timeZone: reference.timeZone)
        let start = Date(timeIntervalSince1970: TimeInterval(reference.after))
        let count = reference.expected.count < 5 ? reference.expected.count + 1 : reference.expected.count
        return schedule.fireDates(after: start, count: count).map { Int($0.timeIntervalSince1970) }
    }

    /// `[expression, zone, after, [fires]]`, as the script writes it.
    private struct Row: Decodable {
        var expression: String
        var timeZone: String
        var after: Int
        var expected: [Int]

        init(from decoder: any Decoder) throws {
            var row = try decoder.unkeyedContainer()
            expression = try row.decode(String.self)
            timeZone = try row.decode(String.self)
            after = try row.decode(Int.self)
            expected = try row.decode([Int].self)
        }
    }
}

private let extendedRunPath = ProcessInfo.processInfo.environment["STEWARD_CRON_REFERENCE"]
