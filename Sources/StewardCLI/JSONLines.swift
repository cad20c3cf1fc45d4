import Foundation
import StewardCore

/// Reads JSON lines from a file or standard input (`-`): the non-blank lines, with their
/// 1-based line numbers for error messages.
enum JSONLines {
    static func read(_ source: String, input: FileHandle) throws -> [(number: Int, text: String)] {
        let data: Data
        if source == "-" {
            data = input.readDataToEndOfFile()
        } else {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: source, isDirectory: &isDirectory), !isDirectory.boolValue,
                  let contents = FileManager.default.contents(atPath: source) else {
                throw StewardError(.inputFileMissing, "\(source): no such file, or it is not readable", fix: "check the path given to --from")
            }
            data = contents
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw StewardError(.invalidArguments, "\(source == "-" ? "stdin" : source): not UTF-8 text", fix: "write one JSON object per line, in UTF-8")
        }
        return text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap { index, line in
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            return trimmed.isEmpty ? nil : (index + 1, trimmed)
        }
    }
}

extension StewardError.Code {
    /// A file named on the command line (other than an import's) is missing.
    static let inputFileMissing = Self(rawValue: "input_file_missing")
}
