import Foundation

/// Just enough JSON to read an event payload's ids.
struct JSONValue: Decodable {
    let object: [String: Any]

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = (try? container.decode([String: Scalar].self)) ?? [:]
        object = text.mapValues(\.value)
    }

    struct Scalar: Decodable {
        let value: Any
        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let number = try? container.decode(Int64.self) { value = NSNumber(value: number) }
            else if let text = try? container.decode(String.self) { value = text }
            else { value = NSNull() }
        }
    }
}
