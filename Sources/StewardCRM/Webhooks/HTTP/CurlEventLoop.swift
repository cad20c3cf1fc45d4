import CCurl
import Foundation
import Synchronization

/// One thread drives every transfer through a curl multi handle: requests wait on sockets
/// together, and no thread blocks per request. Other threads talk to it only through
/// `submit`, which queues a command and wakes the loop's poll.
final class CurlEventLoop: @unchecked Sendable {
    enum Command {
        case start(CurlTransfer)
        case cancel(CurlTransfer)
    }

    private let multi: UnsafeMutableRawPointer
    private let commands = Mutex<[Command]>([])
    /// Transfers in flight by easy handle; the loop thread's alone.
    private var active: [UnsafeMutableRawPointer: CurlTransfer] = [:]

    init() {
        curl_global_init(Int(CURL_GLOBAL_DEFAULT))
        multi = curl_multi_init()
        // Reuse connections per host, but keep a dead host from pinning sockets forever.
        _ = steward_multi_set_long(multi, CURLMOPT_MAX_HOST_CONNECTIONS, 0)
        _ = steward_multi_set_long(multi, CURLMOPT_MAXCONNECTS, 512)
        // The thread holds the loop: it lives as long as the process (only the shared client makes one).
        let thread = Thread { [self] in self.loop() }
        thread.name = "steward-curl"
        thread.start()
    }

    func submit(_ command: Command) {
        commands.withLock { $0.append(command) }
        curl_multi_wakeup(multi)
    }

    private func loop() {
        var running: Int32 = 0
        while true {
            runCommands()
            curl_multi_perform(multi, &running)
            finishDone()
            var ready: Int32 = 0
            curl_multi_poll(multi, nil, 0, 1000, &ready)
        }
    }

    private func runCommands() {
        for command in commands.withLock({ commands in defer { commands.removeAll() }; return commands }) {
            switch command {
            case let .start(transfer): start(transfer)
            case let .cancel(transfer): cancel(transfer)
            }
        }
    }

    private func start(_ transfer: CurlTransfer) {
        if transfer.cancelledEarly {
            transfer.continuation?.resume(throwing: CancellationError())
            transfer.continuation = nil
            return
        }
        guard transfer.prepare(), let easy = transfer.easy, curl_multi_add_handle(multi, easy) == CURLM_OK else {
            let failure = HTTPFailure(kind: .connect, message: "libcurl refused the request's options", latency: .zero)
            return resume(transfer, with: .failure(failure))
        }
        active[easy] = transfer
    }

    private func cancel(_ transfer: CurlTransfer) {
        guard let easy = transfer.easy, active.removeValue(forKey: easy) != nil else {
            transfer.cancelledEarly = true
            return
        }
        curl_multi_remove_handle(multi, easy)
        transfer.releaseHandle()
        transfer.continuation?.resume(throwing: CancellationError())
        transfer.continuation = nil
    }

    private func finishDone() {
        var left: Int32 = 0
        while let message = curl_multi_info_read(multi, &left) {
            guard steward_message_is_done(message) != 0, let easy = steward_message_easy(message),
                  let transfer = active.removeValue(forKey: easy) else { continue }
            let result = transfer.result(steward_message_result(message))
            curl_multi_remove_handle(multi, easy)
            transfer.releaseHandle()
            resume(transfer, with: result)
        }
    }

    private func resume(_ transfer: CurlTransfer, with result: Result<HTTPResponse, HTTPFailure>) {
        transfer.continuation?.resume(with: result.mapError { $0 as any Error })
        transfer.continuation = nil
    }
}
