import Foundation

/// Durations as people write them in flags and workflow files: `250ms`, `5s`, `10m`, `2h`, `3d`,
/// or a combination such as `1h30m`.
public enum DurationParsing {
    private static let units: [(suffix: String, seconds: Double)] = [
        ("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600), ("d", 86400),
    ]

    /// Why a text is not an accepted duration.
    public enum Problem: Error, Sendable {
        case malformed, negative, tooLong
    }

    /// The longest duration accepted: a hundred years is more than any setting needs and keeps
    /// the conversion exact.
    public static let longest: Double = 100 * 365 * 86400

    public static func parse(_ text: String) -> Duration? {
        try? check(text).get()
    }

    public static func check(_ text: String) -> Result<Duration, Problem> {
        var rest = Substring(text.trimmingCharacters(in: .whitespaces))
        if rest.hasPrefix("-"), parse(String(rest.dropFirst())) != nil { return .failure(.negative) }
        guard !rest.isEmpty else { return .failure(.malformed) }
        var total = 0.0
        while !rest.isEmpty {
            let digits = rest.prefix { $0.isNumber || $0 == "." }
            guard let value = Double(digits) else { return .failure(.malformed) }
            rest = rest.dropFirst(digits.count)
            // `ms` is listed before `m`, so the longer suffix wins.
            guard let unit = units.first(where: { rest.hasPrefix($0.suffix) }) else { return .failure(.malformed) }
            rest = rest.dropFirst(unit.suffix.count)
            total += value * unit.seconds
        }
        guard total.isFinite, total <= longest else { return .failure(.tooLong) }
        return .success(.milliseconds(Int64((total * 1000).rounded())))
    }

    /// Like `parse`, with an error naming the field, what is wrong and the accepted forms.
    public static func require(_ text: String, field: String) throws -> Duration {
        switch check(text) {
        case let .success(duration):
            return duration
        case .failure(.negative):
            throw StewardError(.invalidArguments, "\(field): '\(text)' is negative; a duration must be positive", fix: "write e.g. \(text.dropFirst())")
        case .failure(.tooLong):
            throw StewardError(.invalidArguments, "\(field): '\(text)' is longer than 100 years, the longest duration Steward takes",
                               fix: "write a shorter one, e.g. 30d")
        case .failure(.malformed):
            throw StewardError(.invalidArguments, "\(field): '\(text)' is not a duration", fix: "write e.g. 500ms, 30s, 10m, 2h or 3d")
        }
    }

    /// `90s` → "1m30s": the short form used in tables.
    public static func format(_ duration: Duration) -> String {
        let millis = Int64((duration.timeInterval * 1000).rounded())
        if millis < 1000 { return "\(millis)ms" }
        var seconds = millis / 1000
        var parts: [String] = []
        for (suffix, size) in [("d", Int64(86400)), ("h", 3600), ("m", 60)] where seconds >= size {
            parts.append("\(seconds / size)\(suffix)")
            seconds %= size
        }
        if seconds > 0 || parts.isEmpty { parts.append("\(seconds)s") }
        return parts.joined()
    }
}
