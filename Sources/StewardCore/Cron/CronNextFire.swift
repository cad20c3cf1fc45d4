public import Foundation

extension CronExpression {
    /// Searches at most this far ahead. Every possible schedule fires well within it — the rarest,
    /// 29 February on one weekday, can be 40 years apart — and impossible ones never search.
    static let horizonDays = 50 * 366

    /// The first fire time strictly after `date`, reading the fields on `timeZone`'s wall clock;
    /// nil if the expression can never fire (`0 0 30 2 *`). Fire times are whole minutes on the
    /// wall clock, except a fixed time in a spring-forward gap, which fires when the gap ends.
    public func nextFireDate(after date: Date, in timeZone: TimeZone = .gmt) -> Date? {
        let seconds = date.timeIntervalSince1970.rounded(.down)
        // Beyond ±100,000 years Int day arithmetic is still exact, but Date is not meaningful.
        guard fields.canMatchSomeDay, abs(seconds) < 3e12 else { return nil }
        return nextFire(after: Int(seconds), in: timeZone).map { Date(timeIntervalSince1970: TimeInterval($0)) }
    }

    /// The next `count` fire times after `date`, in order.
    public func fireDates(after date: Date, in timeZone: TimeZone = .gmt, count: Int) -> [Date] {
        var dates: [Date] = []
        var last = date
        while dates.count < count, let next = nextFireDate(after: last, in: timeZone) {
            dates.append(next)
            last = next
        }
        return dates
    }

    /// `start` is whole seconds; for whole-second fire times, "after the floor" is "after the
    /// instant". The search begins a day early because a fall-back repeats wall times.
    func nextFire(after start: Int, in zone: TimeZone) -> Int? {
        let wall = start + zone.offset(at: start)
        var day = wall.floorDivided(by: CivilDay.seconds) - 1
        let limit = day + Self.horizonDays
        while let matching = fields.firstMatchingDay(from: day, through: limit) {
            if let fire = firstFire(onDay: matching, after: start, in: zone) { return fire }
            day = matching + 1
        }
        return nil
    }

    private func firstFire(onDay day: Int, after start: Int, in zone: TimeZone) -> Int? {
        let midnight = day * CivilDay.seconds
        let offsets = DayOffsets(localDay: day, in: zone)
        for stretch in offsets.stretches(after: start, followsWallClock: fields.followsWallClock) {
            guard let minutes = stretch.minutes(ofDayAt: midnight), let minute = fields.firstMinute(in: minutes) else { continue }
            return stretch.instant(forWall: midnight + minute * 60)
        }
        return nil
    }
}

extension Int {
    fileprivate func floorDivided(by divisor: Int) -> Int {
        let quotient = self / divisor
        return self % divisor < 0 ? quotient - 1 : quotient
    }
}
