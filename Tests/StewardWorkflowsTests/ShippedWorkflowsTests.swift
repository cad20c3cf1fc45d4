import Foundation
import StewardWorkflows
import Testing

@Suite("Shipped workflow files")
struct ShippedWorkflowsTests {
    /// The repository's `Workflows/` directory, found from this file's path.
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Workflows").path

    @Test func theDefaultsAreValidAndDefineWhatTheProductNeeds() throws {
        let loader = WorkflowLoader(environment: ["CRM_EVENTS_SECRET": "whsec_dGVzdA=="], jobKinds: ["noop", "sleep", "fail", "probe"])
        let set = try loader.load(directory: Self.directory)
        let followUp = try #require(set.cadences["lead-follow-up"])
        #expect(followUp.steps.map(\.day) == [0, 2, 5, 10, 14])
        #expect(followUp.steps.map(\.type.rawValue) == ["call", "email", "call", "email", "call"])
        #expect(followUp.enrollOn == .opportunityCreated)
        let winback = try #require(set.winbacks.values.first)
        #expect((winback.passiveAfterDays, winback.inactiveAfterDays) == (31, 90))
        #expect(set.cadences[winback.cadence] != nil)
        #expect(Set(set.exports.keys) == ["weekly-pipeline", "inactive-accounts-daily"])
        #expect(set.webhooks["crm-events"]?.events.contains(.importCompleted) == true)
        #expect(set.imports["prospecting-targets"]?.target == .prospectingTargets)
    }

    @Test func withoutTheWebhookSecretTheDirectoryIsRefused() {
        let loader = WorkflowLoader(environment: [:])
        #expect(throws: WorkflowValidationError.self) { try loader.load(directory: Self.directory) }
    }
}
