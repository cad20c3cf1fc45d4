/// The values one cron field allows, as bits: bit `n` set means value `n` matches. Every field's
/// values fit in 0...63, so a search for the next allowed value is one shift and one bit count.
struct CronValueSet: Sendable, Hashable {
    private(set) var bits: UInt64 = 0

    init() {}

    init(_ values: some Sequence<Int>) {
        for value in values { insert(value) }
    }

    var isEmpty: Bool { bits == 0 }
    var min: Int? { isEmpty ? nil : bits.trailingZeroBitCount }
    var max: Int? { isEmpty ? nil : 63 - bits.leadingZeroBitCount }

    func contains(_ value: Int) -> Bool {
        (0..<64).contains(value) && bits & (1 << UInt64(value)) != 0
    }

    mutating func insert(_ value: Int) { bits |= 1 << UInt64(value) }
    mutating func remove(_ value: Int) { bits &= ~(1 << UInt64(value)) }
    mutating func formUnion(_ other: Self) { bits |= other.bits }

    /// The smallest allowed value that is at least `value`.
    func first(atOrAfter value: Int) -> Int? {
        let start = Swift.max(value, 0)
        guard start < 64 else { return nil }
        let rest = bits >> UInt64(start)
        return rest == 0 ? nil : start + rest.trailingZeroBitCount
    }
}
