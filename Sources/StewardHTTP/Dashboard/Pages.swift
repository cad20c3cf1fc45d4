import Foundation
import Hummingbird
import Mustache
import StewardApp

/// Renders dashboard pages: a template's HTML (every value escaped by Mustache) inside the
/// layout, with the navigation, who is signed in, and the session's form token.
struct Pages: Sendable {
    private let library: MustacheLibrary

    static let navigation: [(section: String, label: String, href: String)] = [
        ("overview", "Overview", "/ui"), ("jobs", "Jobs", "/ui/jobs"), ("queues", "Queues", "/ui/queues"), ("imports", "Imports", "/ui/imports"),
        ("webhooks", "Webhooks", "/ui/webhooks"), ("exports", "Exports", "/ui/exports"), ("schedules", "Schedules", "/ui/schedules"),
        ("cadences", "Cadences", "/ui/cadences"),
    ]

    /// The templates are constants of this module; one that does not parse is a defect of the
    /// build (every page is rendered by the tests), not an input error.
    init() {
        var library = MustacheLibrary()
        for (name, text) in [("layout", LayoutTemplate.text), ("login", LoginTemplate.text), ("overview", OverviewTemplate.text),
                             ("jobs", JobsTemplate.text), ("job", JobTemplate.text), ("queues", QueuesTemplate.text),
                             ("message", MessageTemplate.text), ("imports", ImportsTemplate.text), ("import", ImportTemplate.text),
                             ("importProgress", ImportProgressTemplate.text), ("webhooks", WebhooksTemplate.text),
                             ("delivery", DeliveryTemplate.text), ("exports", ExportsTemplate.text), ("schedules", SchedulesTemplate.text),
                             ("cadences", CadencesTemplate.text), ("bulk", BulkTemplate.text), ("queueTable", QueueTableTemplate.text), ("chart", ChartTemplate.text), ("queue", QueueTemplate.text), ("pauseForm", PauseFormTemplate.text)] {
            do { try library.register(text, named: name) } catch { preconditionFailure("template \(name) does not parse: \(error)") }
        }
        self.library = library
    }

    /// A whole page; `data` also gets `csrf`, `canOperate` and `canAdmin` for its forms.
    func page(_ template: String, title: String, section: String, context: APIContext, data: [String: Any] = [:],
              status: HTTPResponse.Status = .ok) -> Response {
        var data = data
        let role = context.identity?.role
        data["csrf"] = context.session?.csrf ?? ""
        data["canOperate"] = role.map { $0 >= .operator } ?? false
        data["canAdmin"] = role == .admin
        let body = library.render(data, withTemplate: template) ?? ""
        var frame: [String: Any] = ["title": title, "body": body]
        if let token = context.identity {
            frame["nav"] = Self.navigation.map { ["href": $0.href, "label": $0.label, "current": $0.section == section] as [String: Any] }
            frame["user"] = ["name": token.name, "role": token.role.rawValue, "csrf": context.session?.csrf ?? ""] as [String: Any]
        }
        return html(library.render(frame, withTemplate: "layout") ?? "", status: status)
    }

    /// A part of a page, for live updates (escaped like the pages).
    func fragment(_ template: String, data: [String: Any]) -> String {
        library.render(data, withTemplate: template) ?? ""
    }

    func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                 body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// 303 to `location` (after a form, so a reload does not post it again).
    static func seeOther(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }
}
