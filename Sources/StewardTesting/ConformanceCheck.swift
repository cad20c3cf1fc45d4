/// A failed expectation in the conformance suite. The suite throws instead of depending on a
/// test framework, so any store's tests (Swift Testing, XCTest) can run it.
public struct ConformanceFailure: Error, CustomStringConvertible {
    public var message: String
    public var location: String
    public var description: String { "\(location): \(message)" }
}

func expectEqual<T: Equatable>(
    _ actual: T, _ expected: T, _ what: String, fileID: String = #fileID, line: Int = #line
) throws {
    guard actual == expected else {
        throw ConformanceFailure(message: "\(what): expected \(expected), got \(actual)", location: "\(fileID):\(line)")
    }
}

func expectTrue(_ condition: Bool, _ what: String, fileID: String = #fileID, line: Int = #line) throws {
    guard condition else { throw ConformanceFailure(message: what, location: "\(fileID):\(line)") }
}
