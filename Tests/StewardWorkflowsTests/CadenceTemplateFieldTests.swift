import Foundation
import StewardWorkflows
import Testing

/// A cadence's subject and description templates may only name fields the enrolled record (or
/// its account) has, so a typo fails at load time instead of planning blank subjects.
@Suite("Cadence template fields")
struct CadenceTemplateFieldTests {
    func issues(_ text: String) -> [String] {
        do {
            _ = try WorkflowLoader(environment: [:]).load(files: [(path: "c.yml", text: text)])
            return []
        } catch let error as WorkflowValidationError {
            return error.issues.map(\.description)
        } catch {
            return ["unexpected: \(error)"]
        }
    }

    @Test func knownFieldsLoad() {
        #expect(issues("""
            kind: cadence
            name: c
            steps:
              - { day: 0, type: call, subject: "Call {{ account.company_name }}", description: "{{opportunity.amount}} for {{contact.first_name}}" }
            """).isEmpty)
    }

    @Test func anUnknownFieldIsReportedAtItsValue() {
        #expect(issues("""
            kind: cadence
            name: c
            steps:
              - { day: 0, type: call, subject: "Call {{account.company}}" }
            """) == [
            "c.yml:4:36: steps[0].subject: unknown template field '{{account.company}}' (use record fields such as {{account.company_name}}, {{opportunity.amount}}, {{contact.first_name}}, {{target.company_name}})",
        ])
    }
}
