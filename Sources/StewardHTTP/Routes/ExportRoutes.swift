import Foundation
import Hummingbird
import NIOCore
import HTTPTypes
import StewardApp
import StewardCore
import StewardCRM

/// `/exports`: definitions with their schedule and last run, running one now (operator, as a
/// job), history, and a run's file with its SHA-256.
struct ExportRoutes {
    let services: APIServices

    func add(to router: Router<APIContext>) {
        let viewer = router.requiring(.viewer)
        viewer.get("/exports", use: list)
        viewer.get("/exports/runs", use: history)
        viewer.get("/exports/runs/{id}/file", use: download)
        router.requiring(.operator).post("/exports/{name}/run", use: run)
    }

    @Sendable func list(_ request: Request, context: APIContext) async throws -> [ExportView] {
        _ = try QueryInput(request, allowed: [])
        return try await services.exports.list().map(ExportView.init)
    }

    @Sendable func run(_ request: Request, context: APIContext) async throws -> EditedResponse<JobView> {
        _ = try QueryInput(request, allowed: [])
        return JobView.accepted(try await services.exports.runNow(try context.pathText("name"), by: context.actor, requestID: context.requestID))
    }

    @Sendable func history(_ request: Request, context: APIContext) async throws -> Page<ExportRunView> {
        let query = try QueryInput(request, allowed: ["export", "limit", "before"])
        let page = try query.page()
        let runs = try await services.exports.history(ExportHistoryParams(export: try query.string("export"), limit: page.limit, beforeID: page.before))
        return Page(runs.map(ExportRunView.init), limit: page.limit, id: \.id)
    }

    /// The file streamed in 64 KiB pieces, with its SHA-256 as `Repr-Digest` (RFC 9530) and ETag.
    @Sendable func download(_ request: Request, context: APIContext) async throws -> Response {
        _ = try QueryInput(request, allowed: [])
        let (run, url) = try await services.exports.file(run: try context.pathID())
        let body = try FileBody.stream(url)
        var headers: HTTPFields = [.contentType: url.pathExtension == "xlsx" ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv; charset=utf-8",
                                   .contentDisposition: "attachment; filename=\"\(url.lastPathComponent)\""]
        if let sha256 = run.sha256 {
            headers[.eTag] = "\"\(sha256)\""
            headers[HTTPField.Name("Repr-Digest")!] = "sha-256=:\(Data(hex: sha256)?.base64EncodedString() ?? ""):"
        }
        return Response(status: .ok, headers: headers, body: body)
    }
}

extension Data {
    /// Bytes from hexadecimal text.
    init?(hex: String) {
        var bytes: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2, limitedBy: hex.endIndex) ?? hex.endIndex
            guard let byte = UInt8(hex[index..<next], radix: 16) else { return nil }
            bytes.append(byte)
            index = next
        }
        self.init(bytes)
    }
}
