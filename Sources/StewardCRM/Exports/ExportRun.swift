public import Foundation

/// One run of an export, as recorded in `export_runs`.
public struct ExportRun: Sendable, Equatable {
    public enum Status: String, Sendable { case running, completed, failed }

    public var id: Int64
    public var export: String
    public var status: Status
    public var startedAt: Date
    public var finishedAt: Date?
    public var rows: Int?
    public var bytes: Int?
    public var sha256: String?
    /// Relative to the export directory.
    public var path: String?
    public var error: String?
}
