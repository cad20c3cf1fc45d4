import Foundation
import GRDB
import StewardWorkflows

/// One field's rules applied to its text: trim, default, required, type (normalising emails,
/// phones, dates, booleans, URLs and enum values), maximum length.
enum FieldValue {
    /// Trims white space; a value with none at either end (nearly all) is returned as it is.
    static func trimmed(_ text: String) -> String {
        guard let first = text.utf8.first, let last = text.utf8.last else { return text }
        let plain = { (byte: UInt8) in byte > 32 && byte < 128 }
        return plain(first) && plain(last) ? text : text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// What is wrong with a value, for the error report.
    struct Problem: Error, Equatable {
        var message: String
    }

    static func convert(_ text: String?, _ field: ImportProfileDefinition.Field) -> Result<DatabaseValue, Problem> {
        var text = text ?? ""
        if text.utf8.contains(0) {
            return .failure(Problem(message: "\(field.name) contains a NUL byte, which text cannot hold (remove it from the file)"))
        }
        if field.trim { text = trimmed(text) }
        if text.isEmpty, let fallback = field.defaultValue { text = fallback }
        if text.isEmpty {
            return field.required ? .failure(Problem(message: "\(field.name) is required but empty")) : .success(.null)
        }
        return typed(text, field).flatMap { value in checkLength(value, field) }
    }

    private static func checkLength(_ value: DatabaseValue, _ field: ImportProfileDefinition.Field) -> Result<DatabaseValue, Problem> {
        // A text of at most `maximum` bytes cannot have more characters: no need to count them.
        guard let maximum = field.maxLength, let text = String.fromDatabaseValue(value), text.utf8.count > maximum, text.count > maximum else {
            return .success(value)
        }
        return .failure(Problem(message: "\(field.name) is \(text.count) characters long; at most \(maximum) are allowed"))
    }

    private static func typed(_ text: String, _ field: ImportProfileDefinition.Field) -> Result<DatabaseValue, Problem> {
        let name = field.name
        switch field.type {
        case .string: return .success(text.databaseValue)
        case .int: return Int64(text).map { .success($0.databaseValue) } ?? fail("\(name) '\(text)' is not a whole number")
        case .decimal:
            if ImportScalar.hasAmbiguousComma(text) {
                return fail("\(name) '\(text)' is ambiguous: the comma may group thousands or mark decimals (write 1234 or 1.234)")
            }
            return decimal(text).map { .success($0.databaseValue) } ?? fail("\(name) '\(text)' is not a number (write e.g. 1234.56)")
        case .date:
            return CivilDate.normalized(text, formats: field.dateFormats).map { .success($0.databaseValue) }
                ?? fail("\(name) '\(text)' is not a date in the format \(field.dateFormats.joined(separator: " or "))")
        case .bool: return bool(text).map { .success($0.databaseValue) } ?? fail("\(name) '\(text)' is not yes/no (use true, false, yes, no, 1 or 0)")
        case .email: return EmailAddress.normalized(text).map { .success($0.databaseValue) } ?? fail("\(name) '\(text)' is not a valid email address")
        case .phone: return phone(text, field)
        case .url: return url(text).map { .success($0.databaseValue) } ?? fail("\(name) '\(text)' is not a web address (write e.g. https://example.com)")
        case .enumeration:
            if field.allowedValues.contains(text) { return .success(text.databaseValue) }
            return field.allowedValues.first { $0.caseInsensitiveCompare(text) == .orderedSame }.map { .success($0.databaseValue) }
                ?? fail("\(name) '\(text)' is not one of \(field.allowedValues.joined(separator: ", "))")
        }
    }

    private static func fail(_ message: String) -> Result<DatabaseValue, Problem> { .failure(Problem(message: message)) }

    static func decimal(_ text: String) -> Double? { ImportScalar.decimal(text) }

    static func bool(_ text: String) -> Bool? { ImportScalar.bool(text) }

    /// An http(s) address with a dotted host; a bare `www.example.com` gets `https://`.
    static func url(_ text: String) -> String? {
        WebAddress.normalized(text)
    }

    private static func phone(_ text: String, _ field: ImportProfileDefinition.Field) -> Result<DatabaseValue, Problem> {
        switch PhoneNumber.normalized(text, region: field.region) {
        case let .success(number): return .success(number.databaseValue)
        case let .failure(.characters(character)): return fail("\(field.name) '\(text)' contains '\(character)', which no phone number has")
        case let .failure(.nanpLength(count)): return fail("\(field.name) '\(text)' has \(count) digits after +1; North American numbers have 10")
        case let .failure(.length(count)): return fail("\(field.name) '\(text)' has \(count) digits with its country code; E.164 numbers have 8 to 15")
        case .failure(.noRegion): return fail("\(field.name) '\(text)' has no country code (write +49… or set region: in the profile)")
        case let .failure(.unknownRegion(region)): return fail("\(field.name): region '\(region)' is not known (known: \(PhoneNumber.regions.keys.sorted().joined(separator: ", ")))")
        }
    }
}
