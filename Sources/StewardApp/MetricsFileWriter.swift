import Foundation
import Logging
import Prometheus
public import ServiceLifecycle
import StewardCore

/// Writes the process's Prometheus registry to a file every interval (and once at shutdown), for
/// a node_exporter textfile collector or any scraper that reads files. Written to a temporary
/// name and renamed, so a reader never sees half a file.
public struct MetricsFileWriter: Service {
    let registry: PrometheusCollectorRegistry
    let path: String
    let interval: Duration
    let clock: any JobClock
    let logger: Logger

    public func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                write()
                guard (try? await clock.sleep(for: interval)) != nil else { return }
            }
        }
        write()
    }

    private func write() {
        let temporary = path + ".tmp"
        do {
            try Data(registry.emitToString().utf8).write(to: URL(fileURLWithPath: temporary))
            try AtomicFile.move(URL(fileURLWithPath: temporary), replacing: URL(fileURLWithPath: path))
        } catch {
            logger.error("could not write metrics file", metadata: ["path": "\(path)", "error": "\(error)"])
        }
    }
}
