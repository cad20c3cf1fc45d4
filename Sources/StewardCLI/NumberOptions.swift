import ArgumentParser

/// Whole-number options. They are parsed `.unconditional`ly, so `--limit -1` reaches the check
/// (ArgumentParser would otherwise take `-1` for a flag and say the value is missing) and gets
/// an answer that says what the value must be.
enum NumberOptions {
    struct Problem: Error, CustomStringConvertible {
        var description: String
    }

    /// 1 or more.
    static func positive(_ text: String) throws -> Int {
        guard let value = Int(text) else { throw Problem(description: "'\(text)' is not a whole number (write e.g. 10)") }
        guard value >= 1 else { throw Problem(description: "\(value) is not allowed: the value must be a positive whole number (1 or more)") }
        return value
    }

    /// A TCP port, 0 (any free one) to 65535.
    static func port(_ text: String) throws -> Int {
        guard let value = Int(text), (0...65535).contains(value) else {
            throw Problem(description: "'\(text)' is not a port: give a whole number from 0 to 65535 (0: any free port)")
        }
        return value
    }

    /// Any whole number, negative included (priorities).
    static func whole(_ text: String) throws -> Int {
        guard let value = Int(text) else { throw Problem(description: "'\(text)' is not a whole number (write e.g. 0 or -5)") }
        return value
    }

    /// Text that may start with `-` (a duration or a time, checked by the command).
    static func text(_ text: String) -> String { text }
}
