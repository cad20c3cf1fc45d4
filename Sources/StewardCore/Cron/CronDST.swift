import Foundation

/// How one local day's wall-clock times become instants when the zone's UTC offset changes.
///
/// Times are whole seconds: instants since 1970 UTC, and wall times counted the same way as if
/// the local clock were UTC (`wall = instant + offset`). A day is split at the offset change
/// into stretches, each mapping wall to instant by one offset:
///
/// - Fixed times of day (`followsWallClock`) fire once per wall time. One in a spring-forward gap
///   fires at the end of the gap (02:30 → 03:00); one in a fall-back overlap fires at its first
///   occurrence only.
/// - Other schedules (`*/15 * * * *`, `0 * * * *`) follow real instants: nothing falls in the
///   gap, and the repeated hour fires twice. This is what cronsim and Debian cron do.
struct DayOffsets: Sendable, Equatable {
    /// The offset before `transition`, or all day.
    var before: Int
    var after: Int
    /// The first instant of `after`, if the offset changes near this day.
    var transition: Int?

    /// No zone is 15 hours from UTC, so every instant of the local day lies within the day
    /// widened by this much; offsets at the window's ends are the offsets before and after any
    /// change in it. Zones change offset at most once in such a window.
    private static let margin = 15 * 3600

    init(localDay day: Int, in zone: TimeZone) {
        let low = day * CivilDay.seconds - Self.margin
        let high = (day + 1) * CivilDay.seconds + Self.margin
        before = zone.offset(at: low)
        after = zone.offset(at: high)
        transition = before == after ? nil : Self.firstInstant(of: after, in: zone, from: low, to: high)
    }

    /// Binary search for where `offset` starts, on whole seconds: about 18 look-ups, paid only
    /// on the few days a year with a change.
    private static func firstInstant(of offset: Int, in zone: TimeZone, from low: Int, to high: Int) -> Int {
        var (low, high) = (low, high)
        while high - low > 1 {
            let middle = low + (high - low) / 2
            if zone.offset(at: middle) == offset { high = middle } else { low = middle }
        }
        return high
    }

    /// The stretches of wall time, in instant order, whose instants can fall strictly after `start`.
    func stretches(after start: Int, followsWallClock: Bool) -> [WallStretch] {
        let first = WallStretch(from: start + before + 1, below: transition.map { $0 + before } ?? .max, offset: before)
        guard let transition else { return [first] }
        let resume: Int
        if followsWallClock {
            // Resume where the old clock stopped: a gap's wall times clamp to the transition, and
            // an overlap's repeat is skipped because those times already fired.
            resume = transition > start ? transition + before : max(transition + before, start + after + 1)
        } else {
            resume = max(transition + after, start + after + 1)
        }
        return [first, WallStretch(from: resume, below: .max, offset: after, notBefore: transition)]
    }
}

/// Wall times `from..<below` that map to instants by `wall - offset`, but never before `notBefore`.
struct WallStretch: Sendable, Equatable {
    var from: Int
    var below: Int
    var offset: Int
    var notBefore: Int = .min

    func instant(forWall wall: Int) -> Int { max(notBefore, wall - offset) }

    /// The stretch's part of the local day starting at wall time `midnight`, in whole minutes
    /// since midnight (a partial minute at the start is left out); nil if they do not overlap.
    func minutes(ofDayAt midnight: Int) -> Range<Int>? {
        let end = midnight + CivilDay.seconds
        let low = min(max(from, midnight), end) - midnight
        let high = min(max(below, midnight), end) - midnight
        return low < high ? (low + 59) / 60..<(high + 59) / 60 : nil
    }
}

extension TimeZone {
    /// Seconds east of UTC at the instant `seconds` after 1970.
    func offset(at seconds: Int) -> Int {
        secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }
}
