import Foundation

enum ManualClockTime {
    /// 2026-01-05 09:00 UTC.
    static let start = Date(timeIntervalSince1970: 1_767_603_600)
}
