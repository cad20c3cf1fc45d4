import Hummingbird
import StewardApp

extension Router<APIContext> {
    /// A group whose routes need at least `role`.
    func requiring(_ role: APIRole) -> RouterGroup<APIContext> {
        group().add(middleware: RequireRole(role: role))
    }
}

extension APIContext {
    /// The token's name, for audit rows (routes behind `RequireRole` always have one).
    var actor: String { identity.map { "token:\($0.name)" } ?? "anonymous" }
}
