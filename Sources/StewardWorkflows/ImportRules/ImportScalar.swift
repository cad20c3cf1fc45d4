/// Numbers and yes/no words as import profiles read them, shared by the field rules and the
/// check of a profile's `default:` values.
package enum ImportScalar {
    /// `1234.56`, `1 234,56` or `1234,56`: a lone comma is a decimal comma, unless three digits
    /// follow it (`1,234`), which is refused as ambiguous. Plain decimal digits only: no hex
    /// (`0x1p3`), `inf` or `nan`, which `Double` would accept.
    package static func decimal(_ text: String) -> Double? {
        let compact = compactDecimal(text)
        guard compact.utf8.allSatisfy(isDecimalByte), !hasAmbiguousComma(text) else { return nil }
        if let value = Double(compact), value.isFinite { return value }
        guard !compact.contains("."), compact.filter({ $0 == "," }).count == 1 else { return nil }
        return Double(compact.replacing(",", with: ".")).flatMap { $0.isFinite ? $0 : nil }
    }

    private static func compactDecimal(_ text: String) -> String {
        text.filter { $0 != " " && $0 != "\u{A0}" && $0 != "'" }
    }

    private static func isDecimalByte(_ byte: UInt8) -> Bool {
        (48...57).contains(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".")
            || byte == UInt8(ascii: ",") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
    }

    /// One comma, no dot, and exactly three digits after the comma: `1,234` is 1234 in English
    /// and 1.234 in German.
    package static func hasAmbiguousComma(_ text: String) -> Bool {
        let compact = compactDecimal(text).utf8
        guard !compact.contains(UInt8(ascii: ".")), let comma = compact.firstIndex(of: UInt8(ascii: ",")) else { return false }
        let after = compact[compact.index(after: comma)...]
        return after.count == 3 && after.allSatisfy { (48...57).contains($0) }
    }

    package static func bool(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "true", "yes", "y", "1", "ja", "x": true
        case "false", "no", "n", "0", "nein": false
        default: nil
        }
    }
}
