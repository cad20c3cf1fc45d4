public import ArgumentParser
import Foundation
import StewardApp
import StewardCore

/// `steward tokens create|list|revoke`: the API's bearer tokens.
struct TokensCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokens", abstract: "API tokens: create (the secret is shown once), list, revoke.",
        subcommands: [TokensCreateCommand.self, TokensListCommand.self, TokensRevokeCommand.self]
    )
}

extension APIRole: ExpressibleByArgument {}

struct TokensCreateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "create", abstract: "Create a token; its secret is printed once, as the last line.")

    @Argument(help: "A name for the token, e.g. crm-web.") var name: String
    @Option(help: "viewer (reads), operator (also imports, retries, cancels), or admin (also tokens, events, endpoints, queues).")
    var role: APIRole
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let context = CommandContext.current
        let service = TokenService(store: try database.open(), clock: context.clock)
        let (token, secret) = try await service.create(name: name, role: role, by: context.environment["USER"] ?? "cli")
        context.print("token \(token.name) (\(token.role.rawValue)) created; it is shown once, keep it now:")
        context.print(secret)
    }
}

struct TokensListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Tokens, newest first (never their secrets).")

    @Flag(name: .customLong("all"), help: "Include revoked tokens.") var includeRevoked = false
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let context = CommandContext.current
        let tokens = try await TokenService(store: try database.open(mustExist: true), clock: context.clock).list(includeRevoked: includeRevoked)
        let rows = tokens.map { token in
            [token.name, token.role.rawValue, token.prefix + "…", Timestamps.iso(token.createdAt), token.lastUsedAt.map(Timestamps.iso) ?? "-",
             token.revokedAt.map { "revoked " + Timestamps.iso($0) } ?? "active"]
        }
        context.print(Table(headers: ["NAME", "ROLE", "PREFIX", "CREATED", "LAST USED", "STATE"], rows: rows).render())
    }
}

struct TokensRevokeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "revoke", abstract: "Revoke a token; its requests are refused from now on.")

    @Argument(help: "The token's name.") var name: String
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let context = CommandContext.current
        let token = try await TokenService(store: try database.open(mustExist: true), clock: context.clock)
            .revoke(name: name, by: context.environment["USER"] ?? "cli")
        context.print("token \(token.name) revoked")
    }
}
