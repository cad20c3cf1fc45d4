import Foundation

/// Rules of a profile's field that can be wrong in the file itself, checked when it is loaded
/// rather than reported once per row of every import.
extension ImportProfileDefinition.Field {
    var regionProblem: String? {
        guard let region, PhoneNumber.regions[region.uppercased()] == nil else { return nil }
        return "region '\(region)' is not known"
    }

    /// Why the `default:` would fail the field's own rules, if it would.
    var defaultProblem: String? {
        guard let value = defaultValue, !value.isEmpty, !accepts(value) else { return nil }
        return "default '\(value)' is not a valid \(type == .enumeration ? "value of \(allowedValues.joined(separator: ", "))" : type.rawValue)"
    }

    private func accepts(_ value: String) -> Bool {
        switch type {
        case .string: true
        case .int: Int64(value) != nil
        case .decimal: ImportScalar.decimal(value) != nil
        case .date: CivilDate.normalized(value, formats: dateFormats) != nil
        case .bool: ImportScalar.bool(value) != nil
        case .email: EmailAddress.normalized(value) != nil
        case .phone: (try? PhoneNumber.normalized(value, region: regionProblem == nil ? region : nil).get()) != nil
        case .url: WebAddress.normalized(value) != nil
        case .enumeration: allowedValues.contains { $0.caseInsensitiveCompare(value) == .orderedSame }
        }
    }
}
