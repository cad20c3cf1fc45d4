import Foundation
import StewardCore
import Hummingbird
import StewardCRM

/// An import as the API shows it: status, progress and pace, counts, and (on its own page) the
/// failed rows per category. Never the server-side path of its copy.
struct ImportView: ResponseEncodable, Sendable {
    struct Counts: Codable, Sendable { var processed, created, updated, skipped, failed: Int }
    struct ErrorCount: Codable, Sendable { var category: String; var total: Int; var unresolved: Int }

    var id: Int64
    var fileName: String
    var size: Int
    var sha256: String
    var profile: String
    var target: String
    var status: String
    var cancelRequested: Bool
    var createdBy: String?
    var jobId: Int64?
    var parentImportId: Int64?
    var totalRows: Int?
    var counts: Counts
    var progress: Double
    var rowsPerSecond: Double?
    var etaSeconds: Double?
    var successRate: Double?
    var error: String?
    var errorCounts: [ErrorCount]?
    var createdAt: Date
    var startedAt: Date?
    var finishedAt: Date?

    init(_ record: ImportRecord, now: Date, errorCounts: [ImportErrorCount]? = nil) {
        id = record.id
        fileName = record.fileName
        size = record.size
        sha256 = record.sha256
        profile = record.profile
        target = record.target
        status = record.status.rawValue
        cancelRequested = record.cancelRequested
        createdBy = record.createdBy
        jobId = record.jobID
        parentImportId = record.parentID
        totalRows = record.totalRows
        let c = record.counts
        counts = Counts(processed: c.processed, created: c.created, updated: c.updated, skipped: c.skipped, failed: c.failed)
        progress = (record.progress * 10_000).rounded() / 10_000
        let pace = record.pace(now: now)
        rowsPerSecond = pace.map { $0.rowsPerSecond.rounded() }
        etaSeconds = pace.map { $0.etaSeconds.rounded(.up) }
        successRate = record.successRate.map { ($0 * 10_000).rounded() / 10_000 }
        error = record.error
        self.errorCounts = errorCounts?.map { ErrorCount(category: $0.category.rawValue, total: $0.total, unresolved: $0.unresolved) }
        createdAt = record.createdAt
        startedAt = record.startedAt
        finishedAt = record.finishedAt
    }
}

/// One failed row: where, which field, why, and the record as it was in the file.
struct ImportErrorView: ResponseEncodable, Sendable {
    var id: Int64
    var importId: Int64
    var line: Int
    var field: String?
    var category: String
    var message: String
    /// The original record's bytes as text (invalid UTF-8 replaced).
    var record: String
    var resolved: Bool
    var resolution: String?
    var note: String?

    init(_ error: ImportErrorRecord) {
        id = error.id
        importId = error.importID
        line = error.line
        field = error.field
        category = error.category.rawValue
        message = error.message
        record = String(decoding: error.raw, as: UTF8.self)
        resolved = error.resolved
        resolution = error.resolution
        note = error.note
    }
}

/// The answer to an upload: the import, its job, and where to watch it.
struct SubmittedImportView: ResponseEncodable, Sendable {
    var importId: Int64
    var jobId: Int64?
    var replayed: Bool
    var `import`: ImportView
}
