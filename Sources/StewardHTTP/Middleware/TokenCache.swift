import Foundation
import StewardApp
import StewardCore
import Synchronization

/// Tokens recently checked, by their secret's hash, for a second: a burst of requests with one
/// token reads the database once, and a revocation (from any process) takes effect within a
/// second. A revocation through this server's API drops the entry at once.
final class TokenCache: Sendable {
    static let lifetime: TimeInterval = 1
    private let entries = Mutex<[String: (token: APIToken, until: Date)]>([:])
    private let clock: any JobClock

    init(clock: any JobClock) { self.clock = clock }

    func token(for digest: String) -> APIToken? {
        let now = clock.now()
        return entries.withLock { entries in
            guard let entry = entries[digest], entry.until > now else { return nil }
            return entry.token
        }
    }

    func remember(_ token: APIToken, for digest: String) {
        let until = clock.now().addingTimeInterval(Self.lifetime)
        entries.withLock { entries in
            if entries.count > 10_000 { entries.removeAll() }
            entries[digest] = (token, until)
        }
    }

    func forget(named name: String) {
        entries.withLock { entries in entries = entries.filter { $0.value.token.name != name } }
    }
}
