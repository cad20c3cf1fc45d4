import Yams
public import StewardCore
public import Foundation

/// `kind: webhook` — an endpoint that receives signed event notifications.
public struct WebhookDefinition: Sendable, Equatable {
    public var name: String
    public var url: URL
    /// The signing secret (`whsec_…`), read from the environment only. Empty for an endpoint
    /// switched off in its file whose variable is not set.
    public var secret: String
    /// `enabled: false` switches the endpoint off in its file: no deliveries are made for it, its
    /// secret may be unset, and `webhooks enable`/`test` refuse it.
    public var enabled = true
    public var events: [EventName]
    public var retry: Backoff
    public var maxAttempts: Int
    public var timeout: Duration
    public var connectTimeout: Duration
    public var allowInsecure: Bool
    public var concurrency: Int
    public var disableAfter: Duration
    /// During a secret rotation: the old secret, still signed with until `rotatedAt + rotationOverlap`.
    public var previousSecret: String?
    public var rotatedAt: Date?
    public var rotationOverlap: Duration = .seconds(86400)
    /// Answers 4xx other than 408, 425, 429 and 410 fail the delivery at once instead of retrying.
    public var permanent4xx = false
    /// Requests per second at most, nil for no limit.
    public var rateLimit: Double?
    /// Private networks this endpoint may resolve to (loopback, RFC 1918 … are refused otherwise).
    public var allowPrivate: [IPAddressRange] = []
    /// Bodies larger than this are not sent.
    public var maxPayloadBytes = 256 * 1024

    /// Svix's schedule: quick first retries, then hours apart, about a day and a half in all.
    public static let defaultSchedule: [Duration] = [.seconds(5), .seconds(300), .seconds(1800), .seconds(7200), .seconds(18000), .seconds(36000), .seconds(36000)]

    static func read(_ document: MappingReader, name: String) -> WebhookDefinition? {
        let enabled = document.optional("enabled")?.bool() ?? true
        let allowInsecure = document.optional("allow_insecure")?.bool() ?? false
        let url = document.required("url", fix: "e.g. url: https://hooks.example.com/crm")?.url(allowInsecure: allowInsecure)
        let secret = document.required("secret", fix: "e.g. secret: ${CRM_EVENTS_SECRET}")?.secretFromEnvironment(unsetAllowed: !enabled)
        let events = document.required("events", fix: "list the events to send, e.g. [import.completed]")?.events()
        let (retry, maxAttempts) = readRetry(document.optional("retry"))
        let timeout = document.optional("timeout")?.duration() ?? .seconds(15)
        let connectTimeout = document.optional("connect_timeout")?.duration() ?? .seconds(5)
        let concurrency = document.optional("concurrency")?.int(in: 1...100) ?? 4
        let disableAfter = document.optional("disable_after")?.duration() ?? .seconds(5 * 86400)
        guard let url, let secret, let events else { return nil }
        var definition = WebhookDefinition(name: name, url: url, secret: secret, events: events, retry: retry, maxAttempts: maxAttempts,
                                           timeout: timeout, connectTimeout: connectTimeout, allowInsecure: allowInsecure,
                                           concurrency: concurrency, disableAfter: disableAfter)
        definition.enabled = enabled
        definition.readSafety(document)
        return definition
    }

    /// Rotation, permanent 4xx, rate limit, private allow-list and payload cap.
    private mutating func readSafety(_ document: MappingReader) {
        readRotation(document)
        rotationOverlap = document.optional("rotation_overlap")?.duration() ?? rotationOverlap
        permanent4xx = document.optional("permanent_4xx")?.bool() ?? false
        rateLimit = document.optional("rate_limit")?.int(in: 1...100_000).map(Double.init)
        allowPrivate = document.optional("allow_private")?.list()?.compactMap { $0.addressRange() } ?? []
        maxPayloadBytes = document.optional("max_payload_bytes")?.int(in: 1...16_777_216) ?? maxPayloadBytes
    }

    /// `previous_secret` and `rotated_at` come together: either alone would silently sign with
    /// the new secret only.
    private mutating func readRotation(_ document: MappingReader) {
        let previous = document.optional("previous_secret"), rotated = document.optional("rotated_at")
        previousSecret = previous?.secretFromEnvironment()
        rotatedAt = rotated?.instant()
        if let previous, rotated == nil {
            previous.issue("previous_secret needs rotated_at", fix: "add rotated_at: the time the new secret took over, e.g. 2026-11-24T06:00:00Z")
        }
        if let rotated, previous == nil {
            rotated.issue("rotated_at needs previous_secret", fix: "add previous_secret: ${OLD_SECRET}, or remove rotated_at")
        }
    }

    /// The secrets to sign with at `now`: the current one, plus the previous one within the overlap.
    public func signingSecrets(at now: Date) -> [String] {
        guard let previousSecret, let rotatedAt, now < rotatedAt.adding(rotationOverlap) else { return [secret] }
        return [secret, previousSecret]
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
    func addressRange() -> IPAddressRange? {
        guard let text = string() else { return nil }
        guard let range = IPAddressRange(text) else {
            issue("'\(text)' is not an IP address or CIDR range", fix: "write e.g. 127.0.0.1, 10.0.0.0/8 or fd00::/8")
            return nil
        }
        return range
    }

    /// An ISO 8601 instant with a zone, e.g. 2026-11-24T06:00:00Z.
    func instant() -> Date? {
        guard let text = string() else { return nil }
        guard let date = try? Date(text, strategy: .iso8601) else {
            issue("'\(text)' is not an ISO 8601 time", fix: "write e.g. 2026-11-24T06:00:00Z")
            return nil
        }
        return date
    }

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
    /// With `unsetAllowed` (an endpoint switched off in its file) an unset variable reads as "".
    func secretFromEnvironment(unsetAllowed: Bool = false) -> String? {
        guard let raw = node.scalar?.string else { return string() }
        guard raw.hasPrefix("${"), raw.hasSuffix("}") else {
            issue("the secret must come from the environment, not be written in the file", fix: "write secret: ${NAME} and export NAME")
            return nil
        }
        if unsetAllowed, environment[String(raw.dropFirst(2).dropLast())] == nil { return "" }
        guard let secret = string() else { return nil }
        // Checked here, so a bad secret stops `steward run` instead of failing every delivery.
        // The message never repeats the value.
        let encoded = secret.hasPrefix("whsec_") ? String(secret.dropFirst(6)) : secret
        guard let key = Data(base64Encoded: encoded), !key.isEmpty else {
            issue("the secret in \(raw) is not whsec_ followed by base64", fix: "generate one with: echo whsec_$(head -c 24 /dev/urandom | base64)")
            return nil
        }
        return secret
    }
}
