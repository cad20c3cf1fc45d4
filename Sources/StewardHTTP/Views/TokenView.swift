import Foundation
import StewardCore
import Hummingbird
import StewardApp

/// A token as the API shows it: never its secret or hash.
struct TokenView: ResponseEncodable, Sendable {
    var id: Int64
    var name: String
    var role: String
    var prefix: String
    var createdAt: Date
    var createdBy: String?
    var lastUsedAt: Date?
    var revokedAt: Date?

    init(_ token: APIToken) {
        id = token.id
        name = token.name
        role = token.role.rawValue
        prefix = token.prefix
        createdAt = token.createdAt
        createdBy = token.createdBy
        lastUsedAt = token.lastUsedAt
        revokedAt = token.revokedAt
    }
}

/// The answer to creating a token: the only time its secret is shown.
struct CreatedTokenView: ResponseEncodable, Sendable {
    var token: TokenView
    var secret: String
}
