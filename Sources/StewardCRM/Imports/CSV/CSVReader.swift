import Foundation

/// A streaming RFC 4180 reader over the bytes of a file. It keeps one window of the file in
/// memory (1 MiB, growing only for a record longer than that, up to `maximumRecordBytes`), so
/// memory stays flat whatever the file's size. For each record it knows the physical line where
/// the record starts, its byte offset (a checkpoint to resume from) and its raw bytes.
///
/// Accepted: quoted fields holding delimiters, doubled quotes and line breaks; CRLF, LF and lone
/// CR line ends; blank lines (skipped). A quote that is never closed makes its record end at the
/// end of its first line, reported as malformed, so one stray quote cannot swallow the rest of
/// the file.
final class CSVReader {
    static let chunkSize = 1 << 20
    static let maximumRecordBytes = 16 << 20
    static let unclosedQuoteProblem = "a quoted field is never closed"

    let delimiter: UInt8
    private let file: FileHandle
    // Memory of its own rather than an array: reading a field then costs no retain and release
    // of the array's storage (that was a tenth of an import's time). Grown by `refill`.
    private var buffer: UnsafeMutableBufferPointer<UInt8>
    private var start = 0, end = 0
    /// File offset of `buffer[0]`.
    private var bufferOffset: Int
    private var atEndOfFile = false
    /// Physical line (1-based) where the next record starts.
    private(set) var nextLine: Int
    private(set) var record = CSVRecord()

    /// Opens `path` positioned at `offset`, the start of a record on physical line `line`.
    init(path: String, delimiter: UInt8, offset: Int, line: Int) throws {
        guard let file = FileHandle(forReadingAtPath: path) else {
            throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: path])
        }
        try file.seek(toOffset: UInt64(offset))
        self.file = file
        self.delimiter = delimiter
        bufferOffset = offset
        nextLine = line
        buffer = .allocate(capacity: Self.chunkSize)
    }

    deinit {
        try? file.close()
        buffer.deallocate()
    }

    /// File offset where the next record starts: the checkpoint after the current record.
    var nextOffset: Int { bufferOffset + start }

    /// Moves to the next non-blank record; false at the end of the file.
    func next() throws -> Bool {
        while true {
            if start >= end {
                if atEndOfFile { return false }
                try refill()
                continue
            }
            let step = CSVScanner.scan(UnsafeBufferPointer(buffer), from: start, to: end, delimiter: delimiter, final: atEndOfFile,
                                       fields: &record.fields)
            switch step {
            case .needMore where end - start >= Self.maximumRecordBytes: accept(resyncingAt: start, problem: "a record is longer than 16 MiB (a quote that is never closed?)")
            case .needMore: try refill(); continue
            case let .record(next, recordEnd, lines, problem): accept(next: next, recordEnd: recordEnd, lines: lines, problem: problem)
            case .unclosedQuote: accept(resyncingAt: start, problem: Self.unclosedQuoteProblem)
            }
            if !record.isBlank { return true }
        }
    }

    private func accept(next: Int, recordEnd: Int, lines: Int, problem: String?) {
        record.line = nextLine
        record.offset = bufferOffset + start
        record.raw = start..<recordEnd
        record.problem = problem
        nextLine += lines
        start = next
    }

    /// A record that cannot be read as fields ends with its first physical line.
    private func accept(resyncingAt from: Int, problem: String) {
        let lineEnd = buffer[from..<end].firstIndex { $0 == 10 || $0 == 13 } ?? end
        var next = min(lineEnd + 1, end)
        if lineEnd + 1 < end, buffer[lineEnd] == 13, buffer[lineEnd + 1] == 10 { next += 1 }
        record.fields.removeAll(keepingCapacity: true)
        accept(next: next, recordEnd: lineEnd, lines: lineEnd < end ? 1 : 0, problem: problem)
    }

    /// Moves the unread bytes to the front and reads the next chunk behind them, growing the
    /// buffer only when one record fills it.
    private func refill() throws {
        if start > 0 {
            _ = memmove(buffer.baseAddress!, buffer.baseAddress! + start, end - start)
            bufferOffset += start
            end -= start
            start = 0
        }
        if buffer.count - end < Self.chunkSize / 2 { grow() }
        let count = try Self.read(file.fileDescriptor, into: buffer.baseAddress! + end, count: buffer.count - end)
        if count == 0 { atEndOfFile = true }
        end += count
    }

    private func grow() {
        let larger = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: buffer.count * 2)
        larger.baseAddress!.initialize(from: buffer.baseAddress!, count: end)
        buffer.deallocate()
        buffer = larger
    }

    private static func read(_ descriptor: Int32, into pointer: UnsafeMutablePointer<UInt8>, count: Int) throws -> Int {
        while true {
            let result = Foundation.read(descriptor, pointer, count)
            if result >= 0 { return result }
            if errno != EINTR { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        }
    }

    /// Byte `index` of the current record.
    func rawByte(at index: Int) -> UInt8 { buffer[record.raw.lowerBound + index] }

    /// The bytes of the current record, without its line end, exactly as in the file.
    var rawRecord: [UInt8] { Array(buffer[record.raw]) }

    /// The current record's field at `index` as text: Windows-1252 in a file found to be so,
    /// otherwise UTF-8 (nil when the bytes are not UTF-8).
    func text(_ index: Int, windows1252: Bool) -> String? {
        let field = record.fields[index]
        let slice = UnsafeBufferPointer(rebasing: buffer[field.start..<field.end])
        return field.escaped ? CSVText.decode(CSVText.unescaped(slice), windows1252: windows1252) : CSVText.decode(slice, windows1252: windows1252)
    }
}

/// Where one record lies in the reader's buffer.
struct CSVRecord {
    struct Field {
        var start: Int
        var end: Int
        /// Quoted with doubled quotes inside, which must be undoubled.
        var escaped: Bool
    }

    var fields: [Field] = []
    var line = 0
    var offset = 0
    var raw = 0..<0
    /// Why the record is malformed, if it is.
    var problem: String?

    /// An empty line, or one of only delimiters (the `,,,,` spreadsheets leave below the data).
    var isBlank: Bool { problem == nil && (raw.isEmpty || fields.allSatisfy { $0.start == $0.end }) }
}
