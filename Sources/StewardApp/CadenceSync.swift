public import Foundation
public import Logging
import StewardCRM
public import StewardSQLite
public import StewardWorkflows

/// The cadence files are stored as versions whenever the workflow files are loaded (at start
/// and on reload), so jobs use the stored current version.
public enum CadenceSync {
    public static func onLoad(_ set: WorkflowSet, store: SQLiteJobStore, now: Date, logger: Logger) async {
        do {
            try await CadenceService(store: store).sync(set.cadences.values.sorted { $0.name < $1.name }, now: now)
        } catch {
            logger.warning("could not store the cadence definitions", metadata: ["error": "\(error)"])
        }
    }
}
