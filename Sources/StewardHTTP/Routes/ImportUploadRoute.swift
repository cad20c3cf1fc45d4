import Foundation
import StewardCore
import Hummingbird
import HTTPTypes
import Logging
import StewardApp
import StewardCRM
import StewardSQLite
import StewardWorkflows

/// The routes that take a CSV body: a new import, and a retry with a corrected error report.
/// Bodies are streamed into the managed folder as they arrive (see `ImportUpload`), up to the
/// server's limit (413 beyond it, before a byte is read when Content-Length says so).
struct ImportUploadRoute {
    let services: APIServices

    @Sendable func submit(_ request: Request, context: APIContext) async throws -> EditedResponse<SubmittedImportView> {
        let query = try QueryInput(request, allowed: ["profile", "file_name", "batch_size"])
        guard let name = try query.string("profile") else {
            throw APIProblem.badParameter("profile", "is required", fix: "name an import profile, e.g. ?profile=contacts")
        }
        let profile = try ImportRequest.profile(name, in: services.workflows, source: "the server's workflow files")
        let batchSize = try query.int("batch_size", in: 1...50_000).map(Int.init)
        let key = try IdempotencyKeyHeader.parse(request.headers[.idempotencyKey])
        if let key, let first = try await services.imports.find(idempotencyKey: key, createdBy: context.actor) {
            return try accepted(first, profile: profile, replayed: true)
        }
        let upload = try await receive(request, context: context, fileName: try query.string("file_name") ?? "upload.csv")
        let staged: StagedImport
        do { staged = try upload.finish(profile: profile) } catch { upload.abort(); throw error }
        let submitted = try await services.imports.submit(staged, profile: profile, createdBy: context.actor, batchSize: batchSize,
                                                          idempotencyKey: key, requestID: context.requestID)
        return try accepted(submitted.record, profile: profile, replayed: submitted.replayed)
    }

    @Sendable func retry(_ request: Request, context: APIContext) async throws -> EditedResponse<SubmittedImportView> {
        let query = try QueryInput(request, allowed: ["file_name", "batch_size"])
        let id = try context.pathID()
        let batchSize = try query.int("batch_size", in: 1...50_000).map(Int.init)
        let upload = try await receive(request, context: context, fileName: try query.string("file_name") ?? "corrected.csv", allowEmpty: true)
        defer { upload.abort() }
        let corrected = upload.size > 0 ? try upload.complete() : nil
        let record = try await services.imports.retry(id: id, correctedFile: corrected, createdBy: context.actor, batchSize: batchSize,
                                                      requestID: context.requestID)
        return try accepted(record, profile: nil, replayed: false)
    }

    private func receive(_ request: Request, context: APIContext, fileName: String, allowEmpty: Bool = false) async throws -> ImportUpload {
        try await UploadReceiver(services: services).receive(request, context: context, fileName: fileName, allowEmpty: allowEmpty).upload
    }

    /// 202 for a new import (200 when the idempotency key found an earlier one), with its place.
    func accepted(_ record: ImportRecord, profile: ImportProfileDefinition?, replayed: Bool) throws -> EditedResponse<SubmittedImportView> {
        if replayed, let profile, record.profile != profile.name {
            throw APIProblem(.conflict, code: "idempotency_key_reused",
                             "this Idempotency-Key was used for import \(record.id) with profile '\(record.profile)', not '\(profile.name)'",
                             fix: "send a new key for a new import")
        }
        var headers = HTTPFields()
        headers[.location] = "/imports/\(record.id)"
        if replayed { headers[HTTPField.Name("Idempotent-Replayed")!] = "true" }
        let view = SubmittedImportView(importId: record.id, jobId: record.jobID, replayed: replayed, import: ImportView(record, now: services.clock.now()))
        return EditedResponse(status: replayed ? .ok : .accepted, headers: headers, response: view)
    }
}
