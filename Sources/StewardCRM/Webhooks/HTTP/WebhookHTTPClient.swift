import Foundation

/// HTTP over libcurl's multi interface with an async API: `send` suspends until the loop
/// thread has the response, a classified failure, or the task is cancelled.
public final class WebhookHTTPClient: Sendable {
    /// The process's one client. Its loop thread runs every transfer (connects, TLS, I/O) for
    /// the life of the process and is never torn down, so there is exactly one: no other
    /// instance can be made.
    public static let shared = WebhookHTTPClient()

    private let loop = CurlEventLoop()

    private init() {}

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
