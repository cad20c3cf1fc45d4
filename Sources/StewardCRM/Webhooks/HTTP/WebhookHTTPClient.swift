import Foundation

/// HTTP over libcurl's multi interface with an async API: `send` suspends until the loop
/// thread has the response, a classified failure, or the task is cancelled.
public final class WebhookHTTPClient: Sendable {
    /// One loop per process is enough: it only waits on sockets.
    public static let shared = WebhookHTTPClient()

    private let loop = CurlEventLoop()

    public init() {}

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        try Task.checkCancellation()
        let transfer = CurlTransfer(request: request)
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                transfer.continuation = continuation
                loop.submit(.start(transfer))
            }
        } onCancel: {
            loop.submit(.cancel(transfer))
        }
    }
}
