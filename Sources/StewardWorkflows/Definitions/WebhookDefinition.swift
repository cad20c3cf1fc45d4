import Yams
public import StewardCore
public import Foundation

/// `kind: webhook` — an endpoint that receives signed event notifications.
public struct WebhookDefinition: Sendable, Equatable {
    public var name: String
    public var url: URL
    /// The signing secret (`whsec_…`), read from the environment only.
    public var secret: String
    public var events: [EventName]
    public var retry: Backoff
    public var maxAttempts: Int
    public var timeout: Duration
    public var connectTimeout: Duration
    public var allowInsecure: Bool
    public var concurrency: Int
    public var disableAfter: Duration

    /// Svix's schedule: quick first retries, then hours apart, about a day and a half in all.
    public static let defaultSchedule: [Duration] = [.seconds(5), .seconds(300), .seconds(1800), .seconds(7200), .seconds(18000), .seconds(36000), .seconds(36000)]

    static func read(_ document: MappingReader, name: String) -> WebhookDefinition? {
        let allowInsecure = document.optional("allow_insecure")?.bool() ?? false
        let url = document.required("url", fix: "e.g. url: https://hooks.example.com/crm")?.url(allowInsecure: allowInsecure)
        let secret = document.required("secret", fix: "e.g. secret: ${CRM_EVENTS_SECRET}")?.secretFromEnvironment()
        let events = document.required("events", fix: "list the events to send, e.g. [import.completed]")?.events()
        let (retry, maxAttempts) = readRetry(document.optional("retry"))
        let timeout = document.optional("timeout")?.duration() ?? .seconds(15)
        let connectTimeout = document.optional("connect_timeout")?.duration() ?? .seconds(5)
        let concurrency = document.optional("concurrency")?.int(in: 1...100) ?? 4
        let disableAfter = document.optional("disable_after")?.duration() ?? .seconds(5 * 86400)
        guard let url, let secret, let events else { return nil }
        return WebhookDefinition(name: name, url: url, secret: secret, events: events, retry: retry, maxAttempts: maxAttempts,
                                 timeout: timeout, connectTimeout: connectTimeout, allowInsecure: allowInsecure,
                                 concurrency: concurrency, disableAfter: disableAfter)
    }

    /// `retry: { schedule: [5s, 5m] }` or `retry: { base: 1s, cap: 1h, max_attempts: 10 }`.
    private static func readRetry(_ reader: ValueReader?) -> (Backoff, Int) {
        let fallback = (Backoff.schedule(defaultSchedule), defaultSchedule.count + 1)
        guard let retry = reader?.mapping() else { return fallback }
        defer { retry.finish() }
        if let schedule = retry.optional("schedule")?.list() {
            let delays = schedule.compactMap { $0.duration() }
            return (.schedule(delays), delays.count + 1)
        }
        let base = retry.optional("base")?.duration() ?? .seconds(5)
        let cap = retry.optional("cap")?.duration() ?? .seconds(36000)
        let attempts = retry.optional("max_attempts")?.int(in: 1...100) ?? 8
        return (.exponential(base: base, cap: cap), attempts)
    }
}

extension ValueReader {
    func url(allowInsecure: Bool) -> URL? {
        guard let text = string() else { return nil }
        guard let url = URL(string: text), let scheme = url.scheme, url.host != nil else {
            issue("'\(text)' is not a URL", fix: "write e.g. https://hooks.example.com/crm")
            return nil
        }
        guard scheme == "https" || (scheme == "http" && allowInsecure) else {
            issue("'\(text)' must use https", fix: "use https, or set allow_insecure: true for local testing")
            return nil
        }
        return url
    }

    /// Secrets must not be written into files that get committed: only `${NAME}` is accepted.
    func secretFromEnvironment() -> String? {
        guard let raw = node.scalar?.string else { return string() }
        guard raw.hasPrefix("${"), raw.hasSuffix("}") else {
            issue("the secret must come from the environment, not be written in the file", fix: "write secret: ${NAME} and export NAME")
            return nil
        }
        return string()
    }
}
