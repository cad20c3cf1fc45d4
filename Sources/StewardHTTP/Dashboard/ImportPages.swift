import Foundation
import Hummingbird
import NIOCore
import StewardApp
import StewardCore
import StewardCRM
import StewardWorkflows

/// `/ui/imports`: upload a CSV with a profile, watch it to its final status, read its failed rows
/// grouped by category, download the error report, retry with a corrected one, close rows by hand.
struct ImportPages {
    let services: APIServices
    let pages: Pages

    func add(to router: RouterGroup<APIContext>) {
        let viewer = router.group().add(middleware: RequirePage(role: .viewer, pages: pages))
        viewer.get("/ui/imports", use: list)
        viewer.get("/ui/imports/{id}", use: show)
        viewer.get("/ui/imports/{id}/progress", use: progress)
        viewer.get("/ui/imports/{id}/report.csv", use: report)
        let operatorRole = router.group().add(middleware: RequirePage(role: .operator, pages: pages))
        operatorRole.post("/ui/imports", use: upload)
        operatorRole.post("/ui/imports/{id}/retry", use: retry)
        operatorRole.post("/ui/import-errors/{id}", use: resolve)
    }

    @Sendable func list(_ request: Request, context: APIContext) async throws -> Response {
        let query = try QueryInput(request, allowed: ["before"])
        let imports = try await services.imports.list(ImportListParams(limit: 50, beforeID: try query.int("before", in: 1...Int64.max)))
        var data: [String: Any] = ["profiles": services.workflows.imports.keys.sorted(), "imports": imports.map(Self.row)]
        if imports.count == 50, let last = imports.last { data["next"] = "/ui/imports?before=\(last.id)" }
        return pages.page("imports", title: "Imports", section: "imports", context: context, data: data)
    }

    static func row(_ record: ImportRecord) -> [String: Any] {
        var row: [String: Any] = ["id": record.id, "fileName": record.fileName, "profile": record.profile, "status": record.status.rawValue,
                                  "statusClass": statusClass(record.status), "processed": record.counts.processed, "failed": record.counts.failed,
                                  "createdBy": record.createdBy ?? "", "createdAt": PageFormat.time(record.createdAt)]
        // Mustache takes any present value for true: absent keys stay absent.
        row["parent"] = record.parentID
        return row
    }

    static func statusClass(_ status: ImportRecord.Status) -> String {
        switch status {
        case .completed: "ok"
        case .completedWithErrors, .cancelled: "warn"
        case .failed: "bad"
        default: ""
        }
    }

    @Sendable func show(_ request: Request, context: APIContext) async throws -> Response {
        let query = try QueryInput(request, allowed: ["category", "after"])
        let id = try context.pathID()
        let detail = try await services.imports.detail(id)
        let category = try query.choice("category", of: ImportErrorRecord.Category.self)
        let rows = try await services.imports.errors(ImportErrorListParams(importID: id, category: category, limit: 50,
                                                                          afterID: try query.int("after", in: 1...Int64.max)))
        let record = detail.record
        var data: [String: Any] = [
            "id": id, "fileName": record.fileName, "size": record.size, "sha256": record.sha256, "profile": record.profile,
            "createdBy": record.createdBy ?? "",
            "progress": pages.fragment("importProgress", data: progressData(record)),
            "hasErrors": !detail.errorCounts.isEmpty,
            "categories": detail.errorCounts.map { ["category": $0.category.rawValue, "total": $0.total, "unresolved": $0.unresolved] as [String: Any] },
            "rows": rows.map { ["errorID": $0.id, "line": $0.line, "field": $0.field ?? "", "category": $0.category.rawValue, "message": $0.message,
                                "record": String(decoding: $0.raw, as: UTF8.self)] as [String: Any] },
        ]
        data["parent"] = record.parentID
        data["error"] = record.error
        data["category"] = category?.rawValue
        if rows.count == 50, let last = rows.last { data["next"] = "/ui/imports/\(id)?after=\(last.id)" + (category.map { "&category=\($0.rawValue)" } ?? "") }
        return pages.page("import", title: "Import \(id)", section: "imports", context: context, data: data)
    }

    @Sendable func progress(_ request: Request, context: APIContext) async throws -> Response {
        let record = try await services.imports.get(try context.pathID())
        return pages.html(pages.fragment("importProgress", data: progressData(record)))
    }

    func progressData(_ record: ImportRecord) -> [String: Any] {
        let counts = record.counts
        var data: [String: Any] = ["id": record.id, "status": record.status.rawValue, "statusClass": Self.statusClass(record.status), "final": record.status.isFinal,
                                   "percent": Int(record.progress * 100), "processed": counts.processed, "created": counts.created,
                                   "updated": counts.updated, "skipped": counts.skipped, "failed": counts.failed]
        data["hasFailures"] = counts.failed > 0 ? true : nil
        if let pace = record.pace(now: services.clock.now()) {
            data["rowsPerSecond"] = Int(pace.rowsPerSecond)
            data["eta"] = PageFormat.seconds(pace.etaSeconds)
        }
        if let rate = record.successRate { data["successRate"] = String(format: "%.1f", rate * 100) }
        return data
    }

    @Sendable func report(_ request: Request, context: APIContext) async throws -> Response {
        try await ImportErrorRoutes(services: services).report(try context.pathID(), includeResolved: false)
    }

    @Sendable func upload(_ request: Request, context: APIContext) async throws -> Response {
        let received = try await UploadReceiver(services: services).receive(request, context: context, fileName: "upload.csv", textFields: ["profile"])
        let staged: StagedImport
        do {
            let profile = try ImportRequest.profile(received.fields["profile"] ?? "", in: services.workflows, source: "the server's workflow files")
            staged = try received.upload.finish(profile: profile)
            let submitted = try await services.imports.submit(staged, profile: profile, createdBy: context.actor, idempotencyKey: nil, requestID: context.requestID)
            return Pages.seeOther("/ui/imports/\(submitted.record.id)")
        } catch {
            received.upload.abort()
            throw error
        }
    }

    @Sendable func retry(_ request: Request, context: APIContext) async throws -> Response {
        let id = try context.pathID()
        let received = try await UploadReceiver(services: services).receive(request, context: context, fileName: "corrected.csv", allowEmpty: true)
        defer { received.upload.abort() }
        let corrected = received.upload.size > 0 ? try received.upload.complete() : nil
        let record = try await services.imports.retry(id: id, correctedFile: corrected, createdBy: context.actor, requestID: context.requestID)
        return Pages.seeOther("/ui/imports/\(record.id)")
    }

    @Sendable func resolve(_ request: Request, context: APIContext) async throws -> Response {
        var request = request
        let form = FormFields(String(buffer: try await request.collectBody(upTo: 64 << 10)))
        guard let resolution = form["resolution"].flatMap(ImportErrorResolution.init(rawValue:)) else {
            throw APIProblem.badParameter("resolution", "must be resolved or dismissed")
        }
        let note = form["note"]?.trimmingCharacters(in: .whitespaces)
        let error = try await services.imports.resolveError(try context.pathID(), as: resolution, note: note?.isEmpty == false ? note : nil,
                                                            by: context.actor, requestID: context.requestID)
        return Pages.seeOther("/ui/imports/\(error.importID)")
    }
}
