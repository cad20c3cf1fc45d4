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

    /// A fresh checkout has no secret exported: the shipped endpoint is switched off, so the
    /// directory loads and the endpoint gets no deliveries until someone switches it on.
    @Test func withoutTheWebhookSecretTheDirectoryLoadsWithTheEndpointOff() throws {
        let set = try WorkflowLoader(environment: [:]).load(directory: Self.directory)
        let endpoint = try #require(set.webhooks["crm-events"])
        #expect(!endpoint.enabled && endpoint.secret.isEmpty)
        #expect(set.summary.last == "webhook crm-events is switched off in its file (enabled: false): no deliveries are made for it")
    }

    /// An endpoint that is switched on still needs its secret.
    @Test func anEnabledEndpointWithoutItsSecretIsRefused() throws {
        let text = try String(contentsOfFile: Self.directory + "/webhooks/crm-events.yml", encoding: .utf8)
            .replacingOccurrences(of: "enabled: false", with: "enabled: true")
        let error = try #require(throws: WorkflowValidationError.self) {
            try WorkflowLoader(environment: [:]).load(files: [(path: "crm-events.yml", text: text)])
        }
        #expect(error.issues.map(\.message) == ["environment variable CRM_EVENTS_SECRET is not set"])
    }
}
