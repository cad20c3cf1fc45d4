import Foundation
import GRDB
@testable import StewardCRM
@testable import StewardWorkflows
import Testing

@Suite("Import field rules")
struct FieldRuleTests {
    func field(_ type: ImportProfileDefinition.FieldType, required: Bool = false, maxLength: Int? = nil, defaultValue: String? = nil,
               values: [String] = [], region: String? = "DE", formats: [String] = ["yyyy-MM-dd", "dd.MM.yyyy", "M/d/yyyy"]) -> ImportProfileDefinition.Field {
        ImportProfileDefinition.Field(name: "f", headers: ["f"], required: required, type: type, dateFormats: formats, maxLength: maxLength,
                                      defaultValue: defaultValue, trim: true, allowedValues: values, region: region)
    }

    func value(_ text: String?, _ field: ImportProfileDefinition.Field) -> String? {
        try? FieldValue.convert(text, field).get().storage.value.map { "\($0)" }
    }

    func problem(_ text: String?, _ field: ImportProfileDefinition.Field) -> String? {
        if case let .failure(problem) = FieldValue.convert(text, field) { return problem.message }
        return nil
    }

    @Test func phonesBecomeE164() {
        let phone = field(.phone)
        #expect(value("030 1234567", phone) == "+49301234567")
        #expect(value("+44 (0)20 7946-0958", phone) == "+442079460958")
        #expect(value("0049 89/1234567", phone) == "+49891234567")
        #expect(value("(415) 555-0132", field(.phone, region: "US")) == "+14155550132")
        #expect(problem("12ab", phone) == "f '12ab' contains 'a', which no phone number has")
        #expect(problem("0123", phone)?.contains("8 to 15") == true)
        #expect(problem("030 1234567", field(.phone, region: nil))?.contains("no country code") == true)
    }

    /// After a country code whose numbers dial a trunk 0 at home, that 0 is dropped; +1 numbers
    /// have ten national digits.
    @Test func trunkZerosAfterACountryCodeAndNANPLengths() {
        let phone = field(.phone)
        #expect(value("+49 030 1234567", phone) == "+49301234567")
        #expect(value("0049 (0)30 1234567", phone) == "+49301234567")
        #expect(value("+44 020 7946 0958", phone) == "+442079460958")
        #expect(value("+39 06 1234 5678", phone) == "+390612345678", "Italy keeps its leading 0")
        #expect(value("+1 415 555 0132", phone) == "+14155550132")
        #expect(problem("+1 415 555 013", phone) == "f '+1 415 555 013' has 9 digits after +1; North American numbers have 10")
        #expect(problem("+1 415 555 01320", phone) != nil)
        #expect(problem("415 555 013", field(.phone, region: "US"))?.contains("North American numbers have 10") == true)
    }

    @Test func ambiguousAndHexDecimalsAreRefused() {
        let decimal = field(.decimal)
        #expect(problem("1,234", decimal) == "f '1,234' is ambiguous: the comma may group thousands or mark decimals (write 1234 or 1.234)")
        #expect(value("1,23", decimal) == "1.23")
        #expect(value("1.234", decimal) == "1.234")
        #expect(value("-1 234,5", decimal) == "-1234.5")
        for bad in ["0x1p3", "0x10", "inf", "nan", "1e400"] {
            #expect(problem(bad, decimal) == "f '\(bad)' is not a number (write e.g. 1234.56)", "\(bad)")
        }
    }

    @Test func emailsAreCheckedAndLowercased() {
        let email = field(.email)
        #expect(value(" Anna.Berger@Nordwind-Logistik.DE ", email) == "anna.berger@nordwind-logistik.de")
        #expect(value("o'brien+crm@example.co.uk", email) == "o'brien+crm@example.co.uk")
        for bad in ["ben(at)harbor.de", "ben@harbor", "@harbor.de", "ben@@harbor.de", "ben..c@harbor.de", "ben@-harbor.de", "ben@harbor.d3"] {
            #expect(problem(bad, email) == "f '\(bad)' is not a valid email address", "\(bad)")
        }
    }

    @Test func datesFollowTheListedFormats() {
        let date = field(.date)
        #expect(value("2025-03-02", date) == "2025-03-02")
        #expect(value("02.03.2025", date) == "2025-03-02")
        #expect(value("3/2/2025", date) == "2025-03-02")
        #expect(value("29.02.2024", date) == "2024-02-29")
        #expect(problem("2025-02-30", date) == "f '2025-02-30' is not a date in the format yyyy-MM-dd or dd.MM.yyyy or M/d/yyyy")
        #expect(problem("2025-3-2x", date) != nil)
    }

    @Test func numbersBooleansUrlsAndEnums() {
        #expect(value("42", field(.int)) == "42")
        #expect(problem("4.2", field(.int)) == "f '4.2' is not a whole number")
        #expect(value("1 234,50", field(.decimal)) == "1234.5")
        #expect(value("Ja", field(.bool)) == "1")
        #expect(problem("maybe", field(.bool)) != nil)
        #expect(value("www.example.com", field(.url)) == "https://www.example.com")
        #expect(problem("not a url", field(.url)) != nil)
        #expect(problem("ftp://example.com", field(.url)) != nil)
        let stage = field(.enumeration, values: ["new", "qualified"])
        #expect(value("QUALIFIED", stage) == "qualified")
        #expect(problem("won", stage) == "f 'won' is not one of new, qualified")
    }

    @Test func webAddressesAreCheckedByteByByte() {
        let url = field(.url)
        for good in ["https://example.com", "HTTP://Example.COM:8080/a?x", "https://shop.example.co.uk/path?q=1#top", "http://münchen.de"] {
            #expect(value(good, url) == good, "\(good)")
        }
        #expect(value("firm1.de/contact", url) == "https://firm1.de/contact")
        for bad in ["http://localhost", "https://-firm.de", "https://firm-.de", "https://firm..de", "https://firm.de:99999", "https://firm.de:/x",
                    "mailto:a@b.de", "https://fi rm.de", "https://.firm.de", "https://firm.de."] {
            #expect(value(bad, url) == nil, "\(bad)")
        }
    }

    @Test func requiredDefaultsTrimAndLength() {
        #expect(problem("   ", field(.string, required: true)) == "f is required but empty")
        #expect(value("", field(.string, required: true, defaultValue: "n/a")) == "n/a")
        #expect(value(nil, field(.string)) == nil)
        #expect(problem("abcdef", field(.string, maxLength: 5)) == "f is 6 characters long; at most 5 are allowed")
        #expect(value("  Müller  ", field(.string, maxLength: 6)) == "Müller")
    }
}
