import Foundation
import Yams
/// The domain events workflow files can react to. A closed list, so a typo in `on:` or
/// `events:` is caught when the files are loaded, not when nothing ever fires.
public enum EventName: String, Sendable, CaseIterable, Codable {
    case importCompleted = "import.completed"
    case importFailed = "import.failed"
    case opportunityCreated = "opportunity.created"
    case opportunityStageChanged = "opportunity.stage_changed"
    case opportunityClosedWon = "opportunity.closed_won"
    case opportunityClosedLost = "opportunity.closed_lost"
    case accountWinbackFlagged = "account.winback_flagged"
    case accountReactivated = "account.reactivated"
    case targetConverted = "target.converted"
    case activityCompleted = "activity.completed"
    case transactionRecorded = "transaction.recorded"
    case cadenceCompleted = "cadence.completed"
    case exportCompleted = "export.completed"
    case exportFailed = "export.failed"
    case deliveryFailed = "webhook.delivery_failed"
    case endpointDisabled = "endpoint.disabled"
    /// A job discarded however it happened (attempts spent, permanent error, timeout, poison).
    case jobDiscarded = "job.discarded"
    case ping
}

extension ValueReader {
    func event() -> EventName? { choice(EventName.self) }

    func events() -> [EventName]? {
        guard let items = list() else { return nil }
        let events = items.map { $0.event() }
        return events.contains(nil) ? nil : events.compactMap { $0 }
    }
}
