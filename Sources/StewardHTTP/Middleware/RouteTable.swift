import Synchronization

/// The routes' paths and methods, filled once the router is built, so a request for a known
/// path with another method gets 405 and an `Allow` header instead of a 404.
final class RouteTable: Sendable {
    private let routes = Mutex<[(segments: [Substring], method: String)]>([])

    func fill(_ list: [(path: String, method: String)]) {
        routes.withLock { $0 = list.map { (Self.segments($0.path), $0.method) } }
    }

    /// The methods `path` answers, or empty when no route has its shape. As in the router, a
    /// fixed segment wins over a parameter: `/jobs/bulk` is not `/jobs/{id}`.
    func methods(for path: String) -> [String] {
        let asked = Self.segments(path)
        let matches = routes.withLock { routes in
            routes.filter { route in
                route.segments.count == asked.count && zip(route.segments, asked).allSatisfy { $0.first == "{" || $0 == $1 }
            }
        }
        func fixed(_ segments: [Substring]) -> [Bool] { segments.map { $0.first != "{" } }
        guard let best = matches.map({ fixed($0.segments) }).max(by: { $0.lexicographicallyPrecedes($1) { !$0 && $1 } }) else { return [] }
        return matches.filter { fixed($0.segments) == best }.map(\.method).sorted()
    }

    private static func segments(_ path: String) -> [Substring] {
        path.split(separator: "/", omittingEmptySubsequences: true)
    }
}
