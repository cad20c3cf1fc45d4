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

    /// The body, written to disk piece by piece; removed again when it fails or is too large.
    /// A `multipart/form-data` body contributes its `file` part (and that part's file name).
    private func receive(_ request: Request, context: APIContext, fileName: String, allowEmpty: Bool = false) async throws -> ImportUpload {
        let limit = services.maxUploadBytes
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit { throw tooLarge(limit) }
        let databasePath = services.store.path
        if let form = try MultipartFileReceiver(contentType: request.headers[.contentType], limit: limit, makeUpload: { name in
            try ImportUpload(fileName: name ?? fileName, databasePath: databasePath)
        }) {
            do {
                for try await buffer in request.body { try form.feed(buffer) }
                return try form.finish()
            } catch {
                form.abort()
                throw error
            }
        }
        let upload = try ImportUpload(fileName: fileName, databasePath: databasePath)
        context.logger.debug("receiving upload", metadata: ["file": "\(upload.path)", "request_id": "\(context.requestID)"])
        do {
            for try await buffer in request.body {
                guard upload.size + buffer.readableBytes <= limit else { throw tooLarge(limit) }
                try buffer.withUnsafeReadableBytes { try upload.append($0) }
            }
            guard allowEmpty || upload.size > 0 else {
                throw APIProblem(.unprocessableContent, code: "empty_body", "the request has no CSV in its body",
                                 fix: "send the file as the body, e.g. curl --data-binary @file.csv")
            }
            return upload
        } catch {
            upload.abort()
            throw error
        }
    }

    private func tooLarge(_ limit: Int) -> APIProblem {
        APIProblem(.contentTooLarge, code: "body_too_large", "the upload is larger than this server's limit of \(limit >> 20) MiB",
                   fix: "split the file, or start the server with a larger --max-upload-mb")
    }

    /// 202 for a new import (200 when the idempotency key found an earlier one), with its place.
    private func accepted(_ record: ImportRecord, profile: ImportProfileDefinition?, replayed: Bool) throws -> EditedResponse<SubmittedImportView> {
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
