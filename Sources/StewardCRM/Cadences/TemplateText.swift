import Foundation

/// Subject and description templates: `{{account.company_name}}` is replaced by that field of
/// the enrolled record (or of its account). A field the record lacks renders as empty text.
struct TemplateText: Sendable, Equatable {
    enum Piece: Sendable, Equatable { case text(String), field(String) }

    let pieces: [Piece]

    init(_ template: String) {
        var pieces: [Piece] = []
        var rest = Substring(template)
        while let open = rest.range(of: "{{"), let close = rest[open.upperBound...].range(of: "}}") {
            pieces.append(.text(String(rest[..<open.lowerBound])))
            pieces.append(.field(rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)))
            rest = rest[close.upperBound...]
        }
        pieces.append(.text(String(rest)))
        self.pieces = pieces.filter { $0 != .text("") }
    }

    /// `entity.field` names used, e.g. `account.company_name`.
    var fields: [String] {
        pieces.compactMap { if case let .field(name) = $0 { name } else { nil } }
    }

    func render(_ values: [String: String]) -> String {
        pieces.map { piece in
            switch piece {
            case let .text(text): text
            case let .field(name): values[name] ?? ""
            }
        }.joined()
    }
}
