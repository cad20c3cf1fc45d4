import Foundation
import HTTPTypes
import MultipartKit
import NIOCore
import StewardCRM

/// The `file` part of a `multipart/form-data` body (a browser's file field), streamed into an
/// upload as the parts arrive: memory holds one network chunk, never the file. Short text fields
/// the caller names (a page's `profile`) are kept; any other part is refused by name, so a
/// misnamed field is not silently ignored. A form sent with a session cookie must carry the
/// session's form token in a `csrf` field before the file: it is checked before a byte of the
/// file is written.
final class MultipartFileReceiver {
    private let parser: MultipartParser
    private let makeUpload: (String?) throws -> ImportUpload
    private let limit: Int
    private let textFields: Set<String>
    private let csrf: String?
    private(set) var fields: [String: String] = [:]
    private var headers: [String: String] = [:]
    private var part: String?
    private var failure: (any Error)?
    private(set) var upload: ImportUpload?
    private var fileComplete = false

    /// `contentType` is the request's; nil when it is not multipart/form-data.
    init?(contentType: String?, limit: Int, textFields: Set<String> = [], csrf: String?, makeUpload: @escaping (String?) throws -> ImportUpload) throws {
        guard let contentType, contentType.lowercased().hasPrefix("multipart/form-data") else { return nil }
        guard let boundary = Self.parameter("boundary", in: contentType), !boundary.isEmpty, boundary.count <= 70 else {
            throw APIProblem.badParameter("Content-Type", "multipart/form-data needs a boundary of 1 to 70 characters")
        }
        parser = MultipartParser(boundary: boundary)
        self.limit = limit
        self.textFields = csrf == nil ? textFields : textFields.union(["csrf"])
        self.csrf = csrf
        self.makeUpload = makeUpload
        parser.onHeader = { [unowned self] name, value in headers[name.lowercased()] = value }
        parser.onBody = { [unowned self] buffer in body(&buffer) }
        parser.onPartComplete = { [unowned self] in
            if part == "file" { fileComplete = true }
            headers = [:]
            part = nil
        }
    }

    func feed(_ buffer: ByteBuffer) throws {
        do {
            try parser.execute(buffer)
        } catch let error as APIProblem {
            throw error
        } catch {
            throw APIProblem(.badRequest, code: "invalid_body", "the multipart/form-data body is malformed", fix: "send the CSV in a form field named 'file'")
        }
        if let failure { throw failure }
    }

    /// The finished upload; refuses a body without a complete `file` part.
    func finish() throws -> ImportUpload {
        guard let upload, fileComplete else {
            upload?.abort()
            throw APIProblem(.unprocessableContent, code: "empty_body", "the form has no file in a part named 'file'",
                             fix: "send e.g. curl -F file=@targets.csv")
        }
        return upload
    }

    /// Discards what arrived.
    func abort() { upload?.abort() }

    private func body(_ buffer: inout ByteBuffer) {
        guard failure == nil else { return }
        do {
            let disposition = headers["content-disposition"] ?? ""
            let name = Self.parameter("name", in: disposition) ?? ""
            if textFields.contains(name) {
                var text = fields[name] ?? ""
                text += String(buffer: buffer)
                guard text.utf8.count <= 4096 else { throw APIProblem.badParameter("form field '\(name)'", "is longer than 4 KiB") }
                fields[name] = text
                return
            }
            guard name == "file" else {
                throw APIProblem.badParameter("form field '\(name)'", "is not known here", fix: "send only the CSV, in a field named 'file'")
            }
            if part == nil {
                guard upload == nil else { throw APIProblem.badParameter("form field 'file'", "is given more than once") }
                if let csrf, !CSRFMiddleware.same(fields["csrf"] ?? "", csrf) { throw CSRFMiddleware.refusal }
                part = "file"
                upload = try makeUpload(Self.parameter("filename", in: disposition))
            }
            guard let upload, upload.size + buffer.readableBytes <= limit else {
                throw APIProblem(.contentTooLarge, code: "body_too_large", "the upload is larger than this server's limit of \(limit >> 20) MiB")
            }
            try buffer.withUnsafeReadableBytes { try upload.append($0) }
        } catch {
            failure = error
        }
    }

    /// `key=value` or `key="value"` from a header's parameters.
    static func parameter(_ key: String, in header: String) -> String? {
        for piece in header.split(separator: ";").dropFirst() {
            let pair = piece.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2, pair[0].lowercased() == key else { continue }
            return pair[1].hasPrefix("\"") && pair[1].hasSuffix("\"") && pair[1].count >= 2 ? String(pair[1].dropFirst().dropLast()) : pair[1]
        }
        return nil
    }
}
