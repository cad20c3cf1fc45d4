import Foundation
import StewardCRM

/// How an import looks in tables, progress lines and summaries.
struct ImportView {
    let record: ImportRecord

    static let tableHeaders = ["ID", "PARENT", "FILE", "PROFILE", "STATUS", "ROWS", "CREATED", "UPDATED", "SKIPPED", "FAILED", "STARTED"]

    var tableRow: [String] {
        let counts = record.counts
        return [String(record.id), record.parentID.map(String.init) ?? "", record.fileName, record.profile, record.status.rawValue,
                String(counts.processed), String(counts.created), String(counts.updated), String(counts.skipped), String(counts.failed),
                Timestamps.iso(record.createdAt)]
    }

    /// `[#####-----]  52%  51,200 rows  40,112 rows/s  ETA 1s`
    static func progressLine(_ record: ImportRecord, now: Date) -> String {
        let percent = Int(record.progress * 100)
        let filled = percent / 5
        let bar = "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: 20 - filled) + "]"
        guard let pace = record.pace(now: now) else { return "\(bar) \(percent)%  \(record.counts.processed) rows  \(record.status.rawValue)" }
        return "\(bar) \(percent)%  \(record.counts.processed) rows  \(Int(pace.rowsPerSecond)) rows/s  ETA \(Int(pace.etaSeconds.rounded(.up)))s"
    }

    static func summary(_ record: ImportRecord) -> String {
        let counts = record.counts
        var text = "import \(record.id) \(record.status.rawValue): \(counts.processed) rows, \(counts.created) created, \(counts.updated) updated, "
            + "\(counts.skipped) skipped, \(counts.failed) failed"
        if let error = record.error { text += "\n  \(error)" }
        if counts.failed > 0 { text += "\n  see the failed rows: steward imports errors \(record.id)  (or --csv to fix them and retry)" }
        return text
    }

    /// For `--json`: every column, timestamps in ISO 8601, absent values as null.
    var jsonObject: [String: Any] {
        let counts = record.counts
        let optional: (Any?) -> Any = { $0 ?? NSNull() }
        return [
            "id": record.id, "file_name": record.fileName, "stored_path": record.storedPath, "size": record.size, "sha256": record.sha256,
            "profile": record.profile, "target": record.target, "created_by": optional(record.createdBy), "status": record.status.rawValue,
            "cancel_requested": record.cancelRequested, "job_id": optional(record.jobID), "parent_import_id": optional(record.parentID),
            "total_rows": optional(record.totalRows), "processed_rows": counts.processed, "created_rows": counts.created,
            "updated_rows": counts.updated, "skipped_rows": counts.skipped, "failed_rows": counts.failed,
            "checkpoint_offset": record.checkpointOffset, "checkpoint_line": record.checkpointLine, "error": optional(record.error),
            "created_at": Timestamps.iso(record.createdAt), "started_at": optional(record.startedAt.map(Timestamps.iso)),
            "finished_at": optional(record.finishedAt.map(Timestamps.iso)),
        ]
    }

    /// `key value` lines for `imports show`.
    var details: [(String, String)] {
        let counts = record.counts
        var lines: [(String, String)] = [
            ("id", String(record.id)), ("file", record.fileName), ("stored", record.storedPath), ("size", "\(record.size) bytes"),
            ("sha256", record.sha256), ("profile", "\(record.profile) → \(record.target)"), ("by", record.createdBy ?? ""),
            ("status", record.status.rawValue + (record.cancelRequested && !record.status.isFinal ? " (cancel requested)" : "")),
            ("progress", "\(Int(record.progress * 100))% (line \(record.checkpointLine), byte \(record.checkpointOffset))"),
            ("rows", "\(counts.processed) read, \(counts.created) created, \(counts.updated) updated, \(counts.skipped) skipped, \(counts.failed) failed"),
            ("created_at", Timestamps.iso(record.createdAt)),
        ]
        if let parent = record.parentID { lines.append(("retry_of", "import \(parent)")) }
        if let job = record.jobID { lines.append(("job", String(job))) }
        if let started = record.startedAt { lines.append(("started_at", Timestamps.iso(started))) }
        if let finished = record.finishedAt { lines.append(("finished_at", Timestamps.iso(finished))) }
        if let error = record.error { lines.append(("error", error)) }
        return lines
    }
}
