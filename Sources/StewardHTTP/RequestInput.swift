import Foundation
import Hummingbird
import StewardCore

/// A request's query parameters, checked: an unknown name or a malformed value is refused with
/// a 400 that names the parameter, instead of being ignored.
struct QueryInput {
    let parameters: [String: [String]]

    /// Fields already read (a form's), checked like a query.
    init(parameters: [String: [String]]) { self.parameters = parameters }

    init(_ request: Request, allowed: Set<String>) throws {
        var parameters: [String: [String]] = [:]
        // Hummingbird decodes values but not names: `args%5Bid%5D` is `args[id]`.
        for (name, value) in request.uri.queryParameters {
            parameters[String(name).removingPercentEncoding ?? String(name), default: []].append(String(value))
        }
        for name in parameters.keys where !allowed.contains(name) && !Self.isArgumentFilter(name, allowed: allowed) {
            throw APIProblem.badParameter(name, "is not a parameter of this route",
                                          fix: allowed.isEmpty ? "send no query parameters" : "use \(allowed.sorted().joined(separator: ", "))")
        }
        self.parameters = parameters
    }

    /// `args.KEY` (or `args[KEY]`, OpenAPI's deepObject style) filters, where `args.*` is allowed.
    private static func isArgumentFilter(_ name: String, allowed: Set<String>) -> Bool {
        allowed.contains("args.*") && argumentKey(name) != nil
    }

    /// The KEY of `args.KEY` or `args[KEY]`.
    static func argumentKey(_ name: String) -> String? {
        if name.hasPrefix("args."), name.count > 5 { return String(name.dropFirst(5)) }
        if name.hasPrefix("args["), name.hasSuffix("]"), name.count > 6 { return String(name.dropFirst(5).dropLast()) }
        return nil
    }

    func string(_ name: String) throws -> String? {
        guard let values = parameters[name] else { return nil }
        guard values.count == 1, let value = values.first, !value.isEmpty else {
            throw APIProblem.badParameter(name, values.count > 1 ? "is given more than once" : "is empty")
        }
        return value
    }

    func int(_ name: String, in range: ClosedRange<Int64>) throws -> Int64? {
        guard let text = try string(name) else { return nil }
        guard let value = Int64(text), range.contains(value) else {
            throw APIProblem.badParameter(name, "'\(text)' is not a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    func bool(_ name: String) throws -> Bool? {
        guard let text = try string(name) else { return nil }
        switch text {
        case "true": return true
        case "false": return false
        default: throw APIProblem.badParameter(name, "'\(text)' is not true or false")
        }
    }

    /// An RFC 3339 time (`from=2026-01-05T09:00:00Z`).
    func time(_ name: String) throws -> Date? {
        guard let text = try string(name) else { return nil }
        guard let date = RFC3339.parse(text) else {
            throw APIProblem.badParameter(name, "'\(text)' is not an RFC 3339 time such as 2026-01-05T09:00:00Z")
        }
        return date
    }

    /// A value from a closed set (`state=failed`).
    func choice<T: RawRepresentable>(_ name: String, of type: T.Type) throws -> T? where T.RawValue == String, T: CaseIterable {
        guard let text = try string(name) else { return nil }
        guard let value = T(rawValue: text) else {
            throw APIProblem.badParameter(name, "'\(text)' is not one of \(T.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return value
    }

    /// `limit` (1…500, default 50) and `before` (an id), for lists paged by key.
    func page() throws -> (limit: Int, before: Int64?) {
        (Int(try int("limit", in: 1...500) ?? 50), try int("before", in: 1...Int64.max))
    }

    /// `args.KEY=VALUE` pairs, as job argument filters.
    func argumentFilters() throws -> [JobArgumentFilter] {
        try parameters.keys.sorted().compactMap { name in
            guard let key = Self.argumentKey(name) else { return nil }
            guard let values = parameters[name], values.count == 1, let value = values.first else {
                throw APIProblem.badParameter(name, "is given more than once")
            }
            do {
                return try JobArgumentFilter(parsing: "\(key)=\(value)")
            } catch {
                throw APIProblem.badParameter(name, "the key must be names of ASCII letters, digits and '_', joined by '.'", fix: "e.g. args.account_id=42")
            }
        }
    }
}

/// A JSON body, checked before it is decoded: it must be an object whose keys are all known,
/// so a misspelt field is refused (naming it) instead of silently ignored.
enum JSONBody {
    static func decode<T: Decodable>(_ type: T.Type, fields: Set<String>, from request: Request, context: APIContext,
                                     emptyAs empty: String? = nil) async throws -> T {
        var buffer = try await request.body.collect(upTo: context.maxUploadSize)
        var data = Data(buffer.readBytes(length: buffer.readableBytes) ?? [])
        if data.isEmpty, let empty { data = Data(empty.utf8) }
        guard let object = try? JSONSerialization.jsonObject(with: data) else {
            throw APIProblem(.badRequest, code: "invalid_body", data.isEmpty ? "the request needs a JSON body" : "the body is not valid JSON",
                             fix: "send a JSON object with Content-Type: application/json")
        }
        guard let dictionary = object as? [String: Any] else {
            throw APIProblem(.badRequest, code: "invalid_body", "the body must be a JSON object")
        }
        if let field = nullField(in: dictionary, fields: fields) {
            throw APIProblem(.badRequest, code: "invalid_body", "field '\(field)' is null", fix: "leave the field out instead")
        }
        if let unknown = unknownField(in: dictionary, fields: fields) {
            let siblings = fields.filter { $0.split(separator: ".").count == unknown.split(separator: ".").count }.sorted()
            throw APIProblem(.badRequest, code: "invalid_body", "field '\(unknown)' is not known here",
                             fix: siblings.isEmpty ? "send an empty object" : "the fields are \(siblings.joined(separator: ", "))")
        }
        return try APIJSON.decoder().decode(T.self, from: data)
    }
}

extension JSONBody {
    /// The path of the first key `fields` does not name. `fields` names nested keys by path
    /// (`filter.queue`); an object none of whose keys are named (`filter.args`) is free-form.
    static func unknownField(in object: [String: Any], fields: Set<String>, prefix: String = "") -> String? {
        for key in object.keys.sorted() {
            let path = prefix.isEmpty ? key : "\(prefix).\(key)"
            guard fields.contains(path) else { return path }
            if let nested = object[key] as? [String: Any], fields.contains(where: { $0.hasPrefix(path + ".") }),
               let found = unknownField(in: nested, fields: fields, prefix: path) {
                return found
            }
        }
        return nil
    }

    /// The path of the first null among the fields `fields` names: none is nullable (leave it
    /// out). Free-form objects (an event's payload) may hold nulls.
    static func nullField(in object: [String: Any], fields: Set<String>, prefix: String = "") -> String? {
        for key in object.keys.sorted() {
            let path = prefix.isEmpty ? key : "\(prefix).\(key)"
            if object[key] is NSNull { return path }
            if let nested = object[key] as? [String: Any], fields.contains(where: { $0.hasPrefix(path + ".") }),
               let found = nullField(in: nested, fields: fields, prefix: path) {
                return found
            }
        }
        return nil
    }
}

/// A list paged by key: the next page starts `before` the last id returned.
struct Page<Item: Encodable & Sendable>: ResponseEncodable, Sendable {
    var items: [Item]
    var nextBefore: Int64?

    init(_ items: [Item], limit: Int, id: (Item) -> Int64) {
        self.items = items
        nextBefore = items.count == limit ? items.last.map(id) : nil
    }
}

extension APIContext {
    /// A name from the path (`/queues/{queue}`), percent-decoded (Hummingbird leaves it encoded).
    func pathText(_ name: String) throws -> String {
        let raw = try parameters.require(name)
        guard let text = raw.removingPercentEncoding else { throw APIProblem.badParameter(name, "'\(raw)' is not valid percent-encoding") }
        return text
    }

    /// A positive id from the path (`/imports/{id}`).
    func pathID(_ name: String = "id") throws -> Int64 {
        let text = try pathText(name)
        guard let id = Int64(text), id > 0 else { throw APIProblem.badParameter(name, "'\(text)' is not an id (a positive whole number)") }
        return id
    }
}

/// `Idempotency-Key`: up to 255 visible ASCII characters, unique per token.
enum IdempotencyKeyHeader {
    static func parse(_ value: String?) throws -> String? {
        guard let value else { return nil }
        guard (1...255).contains(value.count), value.allSatisfy({ $0.isASCII && !$0.isWhitespace && $0.asciiValue.map { $0 >= 0x21 && $0 < 0x7f } == true }) else {
            throw APIProblem.badParameter("Idempotency-Key", "must be 1 to 255 visible ASCII characters", fix: "send e.g. a UUID")
        }
        return value
    }
}
