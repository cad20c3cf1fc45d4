/// Finds the fields of one CSV record in a window of bytes. Pure: bytes in, field boundaries and
/// where the next record starts out; asks for more bytes when the window ends mid-record.
enum CSVScanner {
    enum Step: Equatable {
        /// A whole record: the next one starts at `next`, this one's bytes end at `recordEnd`
        /// (before its line end), and it spans `lines` physical line ends.
        case record(next: Int, recordEnd: Int, lines: Int, problem: String?)
        case needMore
        case unclosedQuote
    }

    static let quote = UInt8(ascii: "\""), lineFeed: UInt8 = 10, carriageReturn: UInt8 = 13

    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, from begin: Int, to end: Int, delimiter: UInt8, final: Bool,
                     fields: inout [CSVRecord.Field]) -> Step {
        fields.removeAll(keepingCapacity: true)
        var index = begin, lines = 0
        var problem: String?
        while true {
            if index < end, bytes[index] == quote {
                let linesBefore = lines
                guard let closing = closingQuote(bytes, after: index, end: end, final: final, lines: &lines) else {
                    return final ? .unclosedQuote : .needMore
                }
                fields.append(.init(start: index + 1, end: closing.index, escaped: closing.escaped))
                index = closing.index + 1
                let stop = fieldEnd(bytes, from: index, end: end, delimiter: delimiter)
                // A "closing" quote lines later with text behind it is another field's opening
                // quote: this one was never closed, and must not swallow the lines between.
                if stop > index, lines > linesBefore { return .unclosedQuote }
                if stop > index, problem == nil {
                    problem = "field \(fields.count) has text after its closing quote (quote the whole field, and double the quotes inside)"
                }
                index = stop
            } else {
                let stop = fieldEnd(bytes, from: index, end: end, delimiter: delimiter)
                fields.append(.init(start: index, end: stop, escaped: false))
                index = stop
            }
            guard index < end else {
                return final ? .record(next: end, recordEnd: end, lines: lines, problem: problem) : .needMore
            }
            let byte = bytes[index]
            if byte == delimiter {
                index += 1
                continue
            }
            if byte == lineFeed { return .record(next: index + 1, recordEnd: index, lines: lines + 1, problem: problem) }
            // A carriage return: CRLF or a lone CR; to tell them apart the next byte is needed.
            if index + 1 < end {
                let next = bytes[index + 1] == lineFeed ? index + 2 : index + 1
                return .record(next: next, recordEnd: index, lines: lines + 1, problem: problem)
            }
            return final ? .record(next: end, recordEnd: index, lines: lines + 1, problem: problem) : .needMore
        }
    }

    /// The first delimiter or line end at or after `from` (or `end`).
    @inline(__always)
    private static func fieldEnd(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, end: Int, delimiter: UInt8) -> Int {
        var index = from
        while index < end {
            let byte = bytes[index]
            if byte == delimiter || byte == lineFeed || byte == carriageReturn { return index }
            index += 1
        }
        return end
    }

    /// The quote closing the field opened at `open`, counting line ends inside; nil when the
    /// window ends first. Whether the field holds doubled quotes is returned with it.
    private static func closingQuote(_ bytes: UnsafeBufferPointer<UInt8>, after open: Int, end: Int, final: Bool,
                                     lines: inout Int) -> (index: Int, escaped: Bool)? {
        var index = open + 1, escaped = false, inner = 0
        while index < end {
            let byte = bytes[index]
            if byte == quote {
                guard index + 1 < end else { return final ? finish(index, escaped, inner, &lines) : nil }
                guard bytes[index + 1] == quote else { return finish(index, escaped, inner, &lines) }
                escaped = true
                index += 2
                continue
            }
            if byte == lineFeed {
                inner += 1
            } else if byte == carriageReturn {
                guard index + 1 < end else { return nil }
                if bytes[index + 1] != lineFeed { inner += 1 }
            }
            index += 1
        }
        return nil
    }

    @inline(__always)
    private static func finish(_ index: Int, _ escaped: Bool, _ inner: Int, _ lines: inout Int) -> (index: Int, escaped: Bool) {
        lines += inner
        return (index, escaped)
    }
}
