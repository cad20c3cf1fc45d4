import Foundation
import GRDB
import StewardWorkflows

/// Reads the next batch of records and applies the field rules to them: everything about a row
/// that needs no database. It runs on its own task while the previous batch is being written, so
/// reading and checking overlap with SQLite's work. Used by one task at a time.
final class ImportBatchSource: @unchecked Sendable {
    /// One record, ready to write or to report.
    struct Row {
        enum Content {
            case values([DatabaseValue])
            case problems([ImportSession.Problem])
        }

        var line: Int
        /// For a retry file: the line of the first file this record came from (`__line`).
        var sourceLine: Int?
        /// Where the record's original bytes lie in the file (without a retry file's `__…` columns).
        var raw: Range<Int>
        /// `raw` is the inside of the quoted field an error report wrapped an unreadable record in.
        var rawWrapped = false
        var content: Content
        /// With `on_duplicate: update`: which fields had a non-empty cell (an empty one must not
        /// overwrite what the CRM holds). Empty otherwise.
        var filled: [Bool] = []
    }

    struct Batch {
        var rows: [Row]
        /// The checkpoint after the batch.
        var endOffset: Int
        var endLine: Int
        var atEnd: Bool
    }

    let reader: CSVReader
    let columns: ImportColumns
    let profile: ImportProfileDefinition
    private let fields: ContiguousArray<ImportProfileDefinition.Field>
    let prefixColumns: Int
    /// The file's encoding, decided once (see `CSVEncoding`).
    let windows1252: Bool

    init(reader: CSVReader, columns: ImportColumns, profile: ImportProfileDefinition, prefixColumns: Int, windows1252: Bool) {
        self.windows1252 = windows1252
        self.reader = reader
        self.columns = columns
        self.profile = profile
        fields = ContiguousArray(profile.fields)
        self.prefixColumns = prefixColumns
    }

    /// A record's field texts in profile order, before the rules: what reading must do in order.
    private struct Read {
        var line: Int
        var sourceLine: Int?
        var raw: Range<Int>
        var rawWrapped: Bool
        /// Why the record is malformed (ragged, a stray quote), if it is.
        var shape: String?
        /// nil: the file has no such column; `.some(nil)`: the bytes are not text.
        var texts: [String??]
    }

    /// Reads up to `size` records in order, then applies the rules to them in two halves at once
    /// (the rules are most of the work, and each row's are independent of the others').
    func next(size: Int) async throws -> Batch {
        var reads: [Read] = []
        reads.reserveCapacity(min(size, ImportRunner.defaultBatchSize))
        while reads.count < size, try reader.next() { reads.append(read()) }
        let (endOffset, endLine) = (reader.nextOffset, reader.nextLine)
        return Batch(rows: await convert(reads), endOffset: endOffset, endLine: endLine, atEnd: reads.count < size)
    }

    private func read() -> Read {
        if let wrapped = wrappedRecord() {
            return Read(line: reader.record.line, sourceLine: sourceLine(), raw: wrapped, rawWrapped: true,
                        shape: CSVReader.unclosedQuoteProblem, texts: [])
        }
        let shape = shapeProblem()
        let windows1252 = self.windows1252
        let texts = shape != nil ? [] : columns.fieldColumns.map { column in column.map { reader.text($0, windows1252: windows1252) } }
        return Read(line: reader.record.line, sourceLine: sourceLine(), raw: originalBytes(), rawWrapped: false, shape: shape, texts: texts)
    }

    /// In a retry file, a record the error report wrapped in one quoted field (its quotes did
    /// not pair up): the file range of that field's inside.
    private func wrappedRecord() -> Range<Int>? {
        let record = reader.record
        guard prefixColumns > 0, columns.headerCount > prefixColumns + 1, record.problem == nil,
              record.fields.count == prefixColumns + 1 else { return nil }
        let field = record.fields[prefixColumns]
        let start = field.start - record.raw.lowerBound
        // Inside the quotes each quote is doubled: the record had an odd number when 2 mod 4 remain.
        let quotes = (start..<(field.end - record.raw.lowerBound)).count { reader.rawByte(at: $0) == CSVScanner.quote }
        guard start > 0, reader.rawByte(at: start - 1) == CSVScanner.quote, quotes % 4 == 2 else { return nil }
        return (record.offset + start)..<(record.offset + field.end - record.raw.lowerBound)
    }

    private func convert(_ reads: [Read]) async -> [Row] {
        guard reads.count >= 1000 else { return reads.map(row) }
        let middle = reads.count / 2
        async let first = reads[..<middle].map(row)
        let second = reads[middle...].map(row)
        return await first + second
    }

    private func row(_ read: Read) -> Row {
        let content: Row.Content = read.shape.map { .problems([ImportSession.Problem(field: nil, category: .malformedRow, message: $0)]) }
            ?? convert(read.texts)
        let filled = profile.onDuplicate == .update && read.shape == nil ? filledCells(read.texts) : []
        return Row(line: read.line, sourceLine: read.sourceLine, raw: read.raw, rawWrapped: read.rawWrapped, content: content, filled: filled)
    }

    private func filledCells(_ texts: [String??]) -> [Bool] {
        fields.indices.map { index in
            let cell = (texts[index] ?? nil) ?? ""
            return !(fields[index].trim ? FieldValue.trimmed(cell) : cell).isEmpty
        }
    }

    private func shapeProblem() -> String? {
        if let problem = reader.record.problem { return problem }
        guard reader.record.fields.count != columns.headerCount else { return nil }
        // Counted without a retry file's `__…` columns, so the message reads as it did first.
        let count = max(0, reader.record.fields.count - prefixColumns), expected = columns.headerCount - prefixColumns
        return "the row has \(count) field\(count == 1 ? "" : "s") but the header has \(expected) (a missing or extra delimiter, or an unquoted \(Self.delimiterName(reader.delimiter)) inside a value?)"
    }

    static func delimiterName(_ byte: UInt8) -> String {
        switch byte {
        case UInt8(ascii: "\t"): "tab"
        case UInt8(ascii: ";"): "semicolon"
        case UInt8(ascii: "|"): "pipe"
        default: "comma"
        }
    }

    private func convert(_ texts: [String??]) -> Row.Content {
        var values: [DatabaseValue] = [], problems: [ImportSession.Problem] = []
        values.reserveCapacity(fields.count)
        // A local array and indices, not `zip` over the property: that copied each Field (and
        // retained its strings) for every value.
        let fields = self.fields
        for index in fields.indices {
            let text = texts[index]
            if case .some(.none) = text {
                let name = fields[index].name
                problems.append(.init(field: name, category: .validation,
                                      message: "\(name) is not valid UTF-8 (save the file as UTF-8, or set latin1_fallback: true in the profile)"))
                continue
            }
            switch FieldValue.convert(text ?? nil, fields[index]) {
            case let .success(value): values.append(value)
            case let .failure(problem): problems.append(.init(field: fields[index].name, category: .validation, message: problem.message))
            }
        }
        return problems.isEmpty ? .values(values) : .problems(problems)
    }

    /// In a retry file, the `__line` column says which line of the first file a record was.
    private func sourceLine() -> Int? {
        guard let column = columns.sourceLineColumn, column < reader.record.fields.count else { return nil }
        return reader.text(column, windows1252: windows1252).flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
    }

    /// The record's file range without the `__…` columns a retry file puts in front of it.
    private func originalBytes() -> Range<Int> {
        let record = reader.record
        let whole = record.offset..<(record.offset + record.raw.count)
        guard prefixColumns > 0, record.fields.count > prefixColumns else { return whole }
        var start = record.fields[prefixColumns].start - record.raw.lowerBound
        if start > 0, reader.rawByte(at: start - 1) == CSVScanner.quote { start -= 1 }
        return (record.offset + start)..<whole.upperBound
    }
}
