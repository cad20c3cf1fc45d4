import StewardCore
import StewardWorkflows

/// A file's start, encoding and header, read by one rule at submit and in the job, so a file
/// accepted at submit is read the same way when it runs.
struct ImportFileHeader {
    var start: CSVFileStart
    /// Positioned after the header.
    var reader: CSVReader
    var headers: [String]
    var windows1252: Bool

    static func read(path: String, fileName: String, profile: ImportProfileDefinition) throws -> ImportFileHeader {
        let start = try CSVFileStart.read(path: path, fileName: fileName, delimiter: profile.delimiter.byte)
        let windows1252 = try CSVEncoding.isWindows1252(path: path, fallbackAllowed: profile.latin1Fallback)
        let reader = try CSVReader(path: path, delimiter: start.delimiter, offset: start.offset, line: 1)
        guard try reader.next() else {
            throw StewardError(.importHeaderInvalid, "\(fileName): the file is empty", fix: "the first line must be a header naming the columns")
        }
        let headers = try (0..<reader.record.fields.count).map { index in
            guard let text = reader.text(index, windows1252: windows1252) else {
                throw StewardError(.importHeaderInvalid, "\(fileName): line 1: column \(index + 1)'s name is not valid UTF-8",
                                   fix: "save the file as UTF-8, or set latin1_fallback: true in the profile")
            }
            return text
        }
        return ImportFileHeader(start: start, reader: reader, headers: headers, windows1252: windows1252)
    }
}
