import Foundation
import Hummingbird
import Logging
import StewardApp
import StewardCRM
import StewardSQLite

/// A request body arriving as a file to import: written to disk piece by piece (see
/// `ImportUpload`), up to the server's limit (413, before a byte is read when Content-Length
/// says so), and removed again when anything fails. A `multipart/form-data` body contributes its
/// `file` part (and its file name) and the short `textFields` asked for.
struct UploadReceiver {
    let services: APIServices

    func receive(_ request: Request, context: APIContext, fileName: String, allowEmpty: Bool = false,
                 textFields: Set<String> = []) async throws -> (upload: ImportUpload, fields: [String: String]) {
        let limit = services.maxUploadBytes
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit { throw Self.tooLarge(limit) }
        let databasePath = services.store.path
        if let form = try MultipartFileReceiver(contentType: request.headers[.contentType], limit: limit, textFields: textFields,
                                                csrf: context.session?.csrf, makeUpload: { name in
            try ImportUpload(fileName: name ?? fileName, databasePath: databasePath)
        }) {
            do {
                for try await buffer in request.body { try form.feed(buffer) }
                return (try form.finish(), form.fields)
            } catch {
                form.abort()
                throw error
            }
        }
        return (try await raw(request, context: context, fileName: fileName, allowEmpty: allowEmpty), [:])
    }

    private func raw(_ request: Request, context: APIContext, fileName: String, allowEmpty: Bool) async throws -> ImportUpload {
        let limit = services.maxUploadBytes
        let upload = try ImportUpload(fileName: fileName, databasePath: services.store.path)
        context.logger.debug("receiving upload", metadata: ["file": "\(upload.path)", "request_id": "\(context.requestID)"])
        do {
            for try await buffer in request.body {
                guard upload.size + buffer.readableBytes <= limit else { throw Self.tooLarge(limit) }
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

    static func tooLarge(_ limit: Int) -> APIProblem {
        APIProblem(.contentTooLarge, code: "body_too_large", "the upload is larger than this server's limit of \(limit >> 20) MiB",
                   fix: "split the file, or start the server with a larger --max-upload-mb")
    }
}
