import Foundation
import StewardCore
import Hummingbird
import NIOCore
import StewardCRM

/// An import's failed rows: a page as JSON, or the whole error report as CSV; and closing one
/// row by hand.
struct ImportErrorRoutes {
    let services: APIServices

    struct ErrorPage: ResponseEncodable, Sendable {
        var items: [ImportErrorView]
        var nextAfter: Int64?
    }

    @Sendable func list(_ request: Request, context: APIContext) async throws -> Response {
        let query = try QueryInput(request, allowed: ["category", "include_resolved", "limit", "after"])
        let id = try context.pathID()
        let includeResolved = try query.bool("include_resolved") ?? false
        if request.headers[.accept]?.contains("text/csv") == true {
            return try await report(id, includeResolved: includeResolved)
        }
        let limit = Int(try query.int("limit", in: 1...500) ?? 50)
        let params = ImportErrorListParams(importID: id, category: try query.choice("category", of: ImportErrorRecord.Category.self),
                                           includeResolved: includeResolved, limit: limit, afterID: try query.int("after", in: 1...Int64.max))
        let errors = try await services.imports.errors(params)
        let page = ErrorPage(items: errors.map(ImportErrorView.init), nextAfter: errors.count == limit ? errors.last?.id : nil)
        return try page.response(from: request, context: context)
    }

    /// The report is written to a temporary file by a database reader, then streamed from it in
    /// 64 KiB pieces, so neither the server's memory nor a write lock grows with it.
    func report(_ id: Int64, includeResolved: Bool) async throws -> Response {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("steward-report-\(UUID().uuidString).csv")
        do {
            try await services.imports.writeErrorReport(id: id, unresolvedOnly: !includeResolved, into: file)
        } catch {
            try? FileManager.default.removeItem(at: file)
            throw error
        }
        let body: ResponseBody
        do { body = try FileBody.stream(file, removeAfter: true) } catch {
            try? FileManager.default.removeItem(at: file)
            throw error
        }
        return Response(status: .ok, headers: [.contentType: "text/csv; charset=utf-8",
                                               .contentDisposition: "attachment; filename=\"import-\(id)-errors.csv\""], body: body)
    }

    struct ResolveBody: Decodable {
        var resolution: String
        var note: String?
        static let fields: Set<String> = ["resolution", "note"]
    }

    @Sendable func resolve(_ request: Request, context: APIContext) async throws -> ImportErrorView {
        _ = try QueryInput(request, allowed: [])
        let id = try context.pathID()
        let body = try await JSONBody.decode(ResolveBody.self, fields: ResolveBody.fields, from: request, context: context)
        guard let resolution = ImportErrorResolution(rawValue: body.resolution) else {
            throw APIProblem(.unprocessableContent, code: "invalid_body", "field 'resolution': '\(body.resolution)' is not resolved or dismissed")
        }
        let note = body.note?.trimmingCharacters(in: .whitespacesAndNewlines)
        return ImportErrorView(try await services.imports.resolveError(id, as: resolution, note: note?.isEmpty == true ? nil : note,
                                                                       by: context.actor, requestID: context.requestID))
    }
}
