import Foundation
import StewardCore

extension WebhookAttempt {
    /// Stored response headers and body are cut to this many bytes each.
    static let excerptLimit = 4096

    init(number: Int, at time: Date, result: WebhookAttemptResult, verdict: WebhookVerdict) {
        self.init(attempt: number, attemptedAt: time, latencyMilliseconds: 0)
        if case let .retry(delay) = verdict { nextAttemptAt = time.addingTimeInterval(delay.timeInterval) }
        switch result {
        case let .response(response):
            statusCode = response.status
            errorClass = (200..<300).contains(response.status) ? nil : "http"
            latencyMilliseconds = response.latency.timeInterval * 1000
            responseHeaders = String(response.headers.map { "\($0.name): \($0.value)" }.joined(separator: "\n").prefix(Self.excerptLimit))
            responseBody = String(response.bodyExcerpt.prefix(Self.excerptLimit))
        case let .failure(failure):
            errorClass = failure.kind.rawValue
            error = failure.message
            latencyMilliseconds = failure.latency.timeInterval * 1000
        case let .refused(reason):
            errorClass = WebhookAttemptRecords.refusedClass
            error = reason
        }
    }
}
