/// The error report as CSV: the `__line,__error_code,__error_field,__error_message` columns,
/// then the original header, and per failed record its line, its errors and its bytes exactly as
/// they were. The report's own columns come first so that a ragged record (too few or too many
/// fields) cannot shift them; it opens in a spreadsheet, can be corrected there and imported
/// again as is with `imports retry ID --file`.
enum ImportErrorReport {
    static let columns = ["__line", "__error_code", "__error_field", "__error_message"]

    /// Streams the report from `next` (errors in line order), giving `emit` about 64 KiB at a
    /// time, so memory does not grow with the number of failed rows.
    static func write(header: [UInt8], delimiter: UInt8, next: () throws -> ImportErrorRecord?, emit: ([UInt8]) throws -> Void) throws {
        var output: [UInt8] = []
        append(columns, delimiter: delimiter, to: &output)
        output.append(delimiter)
        output += header + [13, 10]
        var group: [ImportErrorRecord] = []
        while true {
            let error = try next()
            if let first = group.first, error?.line != first.line {
                append(group, delimiter: delimiter, to: &output)
                group.removeAll(keepingCapacity: true)
                if output.count >= 64 << 10 { try emit(output); output.removeAll(keepingCapacity: true) }
            }
            guard let error else { break }
            group.append(error)
        }
        if !output.isEmpty { try emit(output) }
    }

    /// One failed record (it may have failed on several fields): its line, errors and bytes.
    private static func append(_ record: [ImportErrorRecord], delimiter: UInt8, to output: inout [UInt8]) {
        let fields = record.compactMap(\.field)
        append([String(record[0].line), record[0].category.rawValue, fields.joined(separator: "; "),
                record.map(\.message).joined(separator: "; ")], delimiter: delimiter, to: &output)
        output.append(delimiter)
        appendRecord(record[0].raw, to: &output)
        output += [13, 10]
    }

    /// A record's bytes as they were; one whose quotes do not pair up (a quote never closed) would
    /// run into the rows after it, so it goes in as one quoted field, which a retry unwraps.
    private static func appendRecord(_ raw: [UInt8], to output: inout [UInt8]) {
        guard isUnbalanced(raw) else { return output += raw }
        appendQuoted(raw, to: &output)
    }

    static func isUnbalanced(_ raw: some Collection<UInt8>) -> Bool {
        raw.lazy.filter { $0 == CSVScanner.quote }.count % 2 == 1
    }

    private static func appendQuoted(_ bytes: [UInt8], to output: inout [UInt8]) {
        output.append(CSVScanner.quote)
        for byte in bytes {
            if byte == CSVScanner.quote { output.append(byte) }
            output.append(byte)
        }
        output.append(CSVScanner.quote)
    }

    private static func append(_ fields: [String], delimiter: UInt8, to output: inout [UInt8]) {
        for (index, field) in fields.enumerated() {
            if index > 0 { output.append(delimiter) }
            let bytes = Array(field.utf8)
            guard bytes.contains(where: { $0 == delimiter || $0 == CSVScanner.quote || $0 == 10 || $0 == 13 }) else {
                output += bytes
                continue
            }
            appendQuoted(bytes, to: &output)
        }
    }
}
