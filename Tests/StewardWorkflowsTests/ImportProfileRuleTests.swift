import Foundation
import StewardWorkflows
import Testing

/// A profile's field rules that could never work are reported when the file is loaded, at the
/// value, instead of once per row of every import.
@Suite("Import profile rules")
struct ImportProfileRuleTests {
    func issues(_ columns: String) -> [String] {
        let text = """
            kind: import
            name: p
            target: contacts
            columns:
            \(columns)
            """
        do {
            _ = try WorkflowLoader(environment: [:]).load(files: [(path: "p.yml", text: text)])
            return []
        } catch let error as WorkflowValidationError {
            return error.issues.map(\.description)
        } catch {
            return ["unexpected: \(error)"]
        }
    }

    @Test func soundRulesLoad() {
        #expect(issues("""
              phone: { type: phone, region: de, default: "030 1234567" }
              created_at: { type: date, formats: [dd.MM.yyyy, M/d/yy], default: 01.02.2025 }
              account_id: { type: int, default: "7" }
            """).isEmpty)
    }

    @Test func anUnknownRegionIsReportedAtItsValue() {
        let found = issues("  phone: { type: phone, region: XX }")
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("p.yml:5:33: ") == true, "\(found)")
        #expect(found.first?.contains("region 'XX' is not known (use one of ") == true)
    }

    @Test func dateFormatsWithForeignLettersAreReported() {
        let found = issues("  created_at: { type: date, formats: [yyyy-MM-dd, DD.MM.YYYY, dd.MM] }")
        #expect(found.count == 2)
        #expect(found.first?.contains("format 'DD.MM.YYYY' uses 'D', which is not a date letter") == true, "\(found)")
        #expect(found.last?.contains("format 'dd.MM' needs yyyy or yy") == true, "\(found)")
    }

    @Test func aDefaultOfTheWrongTypeIsReported() {
        let found = issues("""
              account_id: { type: int, default: seven }
              created_at: { type: date, default: 2025-13-01 }
            """)
        #expect(found.count == 2)
        #expect(found.first?.contains("p.yml:5:37: ") == true, "\(found)")
        #expect(found.first?.contains("default 'seven' is not a valid int") == true, "\(found)")
        #expect(found.last?.contains("default '2025-13-01' is not a valid date") == true, "\(found)")
    }
}
