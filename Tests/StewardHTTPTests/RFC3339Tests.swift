import Foundation
@testable import StewardHTTP
import Testing

struct RFC3339Tests {
    @Test(arguments: [
        ("2026-01-05T09:00:00Z", 1_767_603_600.0),
        ("2026-01-05T10:30:00.5+01:30", 1_767_603_600.5),
        ("2026-01-05t09:00:00z", 1_767_603_600.0),
        ("2024-02-29T00:00:00-23:59", 1_709_164_800.0 + 86_340),
    ])
    func validTimesAreRead(text: String, seconds: Double) {
        #expect(RFC3339.parse(text)?.timeIntervalSince1970 == seconds)
    }

    @Test(arguments: ["2024-01-01T12:99:00Z", "2023-02-29T00:00:00Z", "2024-13-01T00:00:00Z", "2024-01-01T24:00:00Z",
                      "2024-01-01T00:00:00+24:00", "2024-01-01 00:00:00Z", "2024-01-01T00:00:00", "yesterday"])
    func invalidTimesAreRefused(text: String) {
        #expect(RFC3339.parse(text) == nil)
    }
}
