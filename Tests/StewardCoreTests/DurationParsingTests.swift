import StewardCore
import Testing

@Suite("Durations as written")
struct DurationParsingTests {
    @Test(arguments: [
        ("250ms", Duration.milliseconds(250)), ("5s", .seconds(5)), ("10m", .seconds(600)), ("2h", .seconds(7200)),
        ("3d", .seconds(259_200)), ("1h30m", .seconds(5400)), ("1.5s", .milliseconds(1500)), (" 30s ", .seconds(30)),
    ])
    func accepted(text: String, expected: Duration) {
        #expect(DurationParsing.parse(text) == expected)
    }

    @Test(arguments: ["", "5", "s", "5 s", "5x", "-5s", "1h30", "ms5"])
    func rejected(text: String) {
        #expect(DurationParsing.parse(text) == nil)
    }

    @Test func errorsNameTheFieldAndTheAcceptedForms() {
        #expect {
            try DurationParsing.require("soon", field: "--lease")
        } throws: { error in
            (error as? StewardError)?.description == "--lease: 'soon' is not a duration (write e.g. 500ms, 30s, 10m, 2h or 3d)"
        }
    }

    @Test(arguments: [(Duration.milliseconds(250), "250ms"), (.seconds(90), "1m30s"), (.seconds(93_784), "1d2h3m4s"), (.seconds(3600), "1h")])
    func formatted(duration: Duration, text: String) {
        #expect(DurationParsing.format(duration) == text)
    }
}
