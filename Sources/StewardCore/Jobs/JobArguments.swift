public import Foundation

/// Checks a job's JSON arguments when it is enqueued, so arguments a kind cannot run are refused
/// at once, with the kind's own message, instead of failing at run time.
public typealias JobArgumentCheck = @Sendable (_ args: String) throws -> Void

/// Decoding job arguments with messages that name the kind and the field.
public enum JobArguments {
    /// `args` decoded as `T`; a mismatch is a `StewardError` (`invalid_arguments`) naming the
    /// field and what it should be.
    public static func decode<T: Decodable>(_ type: T.Type, from args: String, kind: String) throws -> T {
        do {
            return try JSONDecoder().decode(T.self, from: Data(args.utf8))
        } catch let error as DecodingError {
            throw StewardError(.invalidArguments, "\(kind) arguments: \(describe(error))", fix: "see the kind's arguments in the README")
        }
    }

    /// A refusal of one field's value, phrased like the decoding errors.
    public static func invalid(_ kind: String, field: String, _ problem: String) -> StewardError {
        StewardError(.invalidArguments, "\(kind) arguments: '\(field)' \(problem)")
    }

    static func describe(_ error: DecodingError) -> String {
        switch error {
        case let .keyNotFound(key, context):
            "'\(path(context.codingPath + [key]))' is missing"
        case let .typeMismatch(type, context), let .valueNotFound(type, context):
            "'\(path(context.codingPath))' must be \(name(of: type))"
        case let .dataCorrupted(context):
            context.codingPath.isEmpty ? "not a JSON object" : "'\(path(context.codingPath))' is not valid: \(context.debugDescription)"
        @unknown default:
            "\(error)"
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }

    private static func name(of type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Bool.Type: "true or false"
        case is Double.Type, is Float.Type: "a number"
        case is Int.Type, is Int64.Type, is Int32.Type: "a whole number"
        case is [Any].Type: "a list"
        default: "a \(type)"
        }
    }
}
