import Foundation
import StewardCore

/// Opening a file someone asked to import, with an answer for each way that fails: missing, a
/// directory, or not readable (each `importFileMissing`).
enum ImportInputFile {
    static func open(_ path: String, name: String) throws -> FileHandle {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw StewardError(.importFileMissing, "\(name): no such file", fix: "check the path")
        }
        guard !isDirectory.boolValue else {
            throw StewardError(.importFileMissing, "\(name): is a directory, not a CSV file", fix: "name the CSV file inside it")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw StewardError(.importFileMissing, "\(name): cannot be opened for reading", fix: "check its permissions")
        }
        return handle
    }
}
