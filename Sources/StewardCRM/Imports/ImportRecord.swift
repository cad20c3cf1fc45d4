public import Foundation

/// One import, as recorded in `imports`.
public struct ImportRecord: Sendable, Equatable {
    public enum Status: String, Sendable, CaseIterable {
        case pending, processing, completed
        case completedWithErrors = "completed_with_errors"
        case failed, cancelled

        public var isFinal: Bool { ![.pending, .processing].contains(self) }
    }

    public struct Counts: Sendable, Equatable {
        public var processed = 0, created = 0, updated = 0, skipped = 0, failed = 0
    }

    public var id: Int64
    public var fileName: String
    public var storedPath: String
    public var size: Int
    public var sha256: String
    public var profile: String
    public var target: String
    public var createdBy: String?
    public var status: Status
    public var cancelRequested: Bool
    public var jobID: Int64?
    public var parentID: Int64?
    public var totalRows: Int?
    public var counts: Counts
    /// Where the next batch starts: a byte offset and its physical line.
    public var checkpointOffset: Int
    public var checkpointLine: Int
    public var error: String?
    public var createdAt: Date
    public var startedAt: Date?
    public var updatedAt: Date?
    public var finishedAt: Date?

    /// Share of the file's bytes behind the checkpoint, 0…1.
    public var progress: Double { size == 0 ? 1 : min(1, Double(checkpointOffset) / Double(size)) }

    /// Rows per second since the job started, and the seconds left at that pace (from the share
    /// of bytes read): only while it is processing.
    public func pace(now: Date) -> (rowsPerSecond: Double, etaSeconds: Double)? {
        guard status == .processing, let startedAt, now > startedAt else { return nil }
        let elapsed = now.timeIntervalSince(startedAt)
        let remaining = progress > 0 ? elapsed * (1 - progress) / progress : 0
        return (Double(counts.processed) / elapsed, remaining)
    }

    /// Rows that did not fail, of those processed (nil before any row).
    public var successRate: Double? {
        counts.processed == 0 ? nil : Double(counts.processed - counts.failed) / Double(counts.processed)
    }
}

/// One failed field (or row) of an import, as recorded in `import_errors`.
public struct ImportErrorRecord: Sendable, Equatable {
    public enum Category: String, Sendable, CaseIterable {
        case validation, duplicate
        case referenceNotFound = "reference_not_found"
        case databaseError = "database_error"
        case malformedRow = "malformed_row"
    }

    public var id: Int64
    public var importID: Int64
    /// Physical line where the record starts in the file the user uploaded first.
    public var line: Int
    public var field: String?
    public var category: Category
    public var message: String
    /// The record exactly as it was in the file, without its line end.
    public var raw: [UInt8]
    public var resolved: Bool
    /// How it was resolved: `retried` (a retry imported the row), `resolved` or `dismissed` (by a person).
    public var resolution: String? = nil
    public var note: String? = nil
}
