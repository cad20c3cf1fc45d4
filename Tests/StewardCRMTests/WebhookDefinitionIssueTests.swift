import Foundation
import StewardCore
import StewardWorkflows
import Testing

/// Endpoint settings that would be silently ignored, or crash the loader, are reported with
/// their line instead.
@Suite("Webhook definition issues")
struct WebhookDefinitionIssueTests {
    let head = "name: e\nurl: https://hooks.example.com/x\nsecret: ${S}\nevents: [opportunity.created]\n"

    private func issues(_ extra: String) -> [String] {
        do {
            _ = try webhookEndpoint(head + extra, environment: ["S": testSecret, "OLD": testSecret])
            return []
        } catch let error as WorkflowValidationError {
            return error.issues.map(\.description)
        } catch {
            return ["\(error)"]
        }
    }

    @Test func aRotationNeedsBothItsHalves() {
        let withoutTime = issues("previous_secret: ${OLD}")
        #expect(withoutTime.contains { $0.contains("w.yml:6") && $0.contains("previous_secret needs rotated_at") }, "\(withoutTime)")
        let withoutSecret = issues("rotated_at: 2026-01-05T09:00:00Z")
        #expect(withoutSecret.contains { $0.contains("w.yml:6") && $0.contains("rotated_at needs previous_secret") }, "\(withoutSecret)")
        #expect(issues("previous_secret: ${OLD}\nrotated_at: 2026-01-05T09:00:00Z").isEmpty)
    }

    @Test(arguments: [#"[""]"#, "[/8]", "[10.0.0.0/]"])
    func anEmptyOrHalfAllowListEntryIsAnIssue(_ list: String) {
        let found = issues("allow_private: \(list)")
        #expect(found.contains { $0.contains("allow_private[0]") && $0.contains("CIDR") }, "\(found)")
    }
}
