/// Reads dates in the formats a profile lists (`yyyy-MM-dd`, `dd.MM.yyyy`, `M/d/yyyy` …) and
/// writes them as `yyyy-MM-dd`, the form CRM dates are stored in. Hand-written rather than
/// `DateFormatter`: no locale or time zone can shift a day, and it is much faster per row.
package enum CivilDate {
    /// The day as `yyyy-MM-dd` if `text` matches one of `formats`.
    package static func normalized(_ text: String, formats: [String]) -> String? {
        if formats.first == "yyyy-MM-dd", isISODay(text) { return text }
        for format in formats {
            if let (year, month, day) = parse(Array(text.utf8), format: Array(format.utf8)), isValid(year, month, day) {
                return "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
            }
        }
        return nil
    }

    /// Why `format` cannot be used, if it cannot: each of `y` (2 or 4), `M` and `d` (1 or 2) once,
    /// and no other letter (a `D` or `Y` would be taken literally and never match).
    package static func formatProblem(_ format: String) -> String? {
        var runs: [Character: Int] = [:], previous: Character?
        for character in format {
            if character.isLetter, !"yMd".contains(character) {
                return "format '\(format)' uses '\(character)', which is not a date letter (use yyyy or yy, MM or M, dd or d)"
            }
            if "yMd".contains(character) {
                if character != previous, runs[character] != nil { return "format '\(format)' has '\(character)' twice" }
                runs[character, default: 0] += 1
            }
            previous = character
        }
        let allowed: [Character: Set<Int>] = ["y": [2, 4], "M": [1, 2], "d": [1, 2]]
        for (letter, lengths) in allowed.sorted(by: { $0.key < $1.key }) where !lengths.contains(runs[letter] ?? 0) {
            return "format '\(format)' needs \(letter == "y" ? "yyyy or yy" : letter == "M" ? "MM or M" : "dd or d")"
        }
        return nil
    }

    /// Pattern letters `y`, `M`, `d`: `yyyy` four digits, `yy` two (20yy), `MM`/`dd` two, `M`/`d`
    /// one or two; anything else must match literally.
    private static func parse(_ text: [UInt8], format: [UInt8]) -> (Int, Int, Int)? {
        var values: [UInt8: Int] = [:]
        var position = 0, index = 0
        while index < format.count {
            let letter = format[index]
            var run = 1
            while index + run < format.count, format[index + run] == letter { run += 1 }
            index += run
            guard [UInt8(ascii: "y"), UInt8(ascii: "M"), UInt8(ascii: "d")].contains(letter) else {
                guard text.count >= position + run, text[position..<position + run].elementsEqual(format[(index - run)..<index]) else { return nil }
                position += run
                continue
            }
            let (minimum, maximum) = run == 1 ? (1, 2) : (run, run)
            guard let (value, used) = number(text, at: position, minimum: minimum, maximum: maximum) else { return nil }
            values[letter] = letter == UInt8(ascii: "y") && run == 2 ? 2000 + value : value
            position += used
        }
        guard position == text.count, let year = values[UInt8(ascii: "y")], let month = values[UInt8(ascii: "M")], let day = values[UInt8(ascii: "d")] else { return nil }
        return (year, month, day)
    }

    private static func number(_ text: [UInt8], at start: Int, minimum: Int, maximum: Int) -> (Int, Int)? {
        var value = 0, used = 0
        while used < maximum, start + used < text.count, (48...57).contains(text[start + used]) {
            value = value * 10 + Int(text[start + used] - 48)
            used += 1
        }
        return used >= minimum ? (value, used) : nil
    }

    /// `2025-03-02` checked without building anything: the common case, kept cheap.
    private static func isISODay(_ text: String) -> Bool {
        let utf8 = text.utf8
        guard utf8.count == 10 else { return false }
        var year = 0, month = 0, day = 0
        for (index, byte) in utf8.enumerated() {
            if index == 4 || index == 7 {
                guard byte == UInt8(ascii: "-") else { return false }
                continue
            }
            guard (48...57).contains(byte) else { return false }
            let digit = Int(byte - 48)
            if index < 4 { year = year * 10 + digit } else if index < 7 { month = month * 10 + digit } else { day = day * 10 + digit }
        }
        return isValid(year, month, day)
    }

    package static func isValid(_ year: Int, _ month: Int, _ day: Int) -> Bool {
        guard (1...9999).contains(year), (1...12).contains(month), day >= 1 else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= lengths[month - 1]
    }
}
