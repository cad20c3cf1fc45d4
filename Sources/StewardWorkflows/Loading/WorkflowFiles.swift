import Yams
import Foundation
import StewardCore

/// Finding and reading workflow files.
enum WorkflowFiles {
    static func list(in directory: String) throws -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw StewardError(.invalidWorkflows, "no workflow directory at \(directory)", fix: "pass the directory holding your *.yml files, e.g. steward validate Workflows")
        }
        let root = URL(fileURLWithPath: directory)
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        let files = (enumerator?.allObjects as? [URL] ?? [])
            .filter { ["yml", "yaml"].contains($0.pathExtension) && !$0.lastPathComponent.hasPrefix(".") }
            .map { relative($0, to: root, shownAs: directory) }
        return files.sorted()
    }

    /// Paths as the user wrote the directory, so messages point where they look.
    private static func relative(_ url: URL, to root: URL, shownAs directory: String) -> String {
        let rootPath = root.standardizedFileURL.path
        let path = url.standardizedFileURL.path
        guard path.hasPrefix(rootPath) else { return path }
        let suffix = path.dropFirst(rootPath.count).drop { $0 == "/" }
        return (directory.hasSuffix("/") ? directory : directory + "/") + suffix
    }

    static func read(_ path: String) throws -> String {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        guard let text = String(data: data, encoding: .utf8) else {
            throw StewardError(.invalidWorkflows, "\(path) is not UTF-8 text", fix: "save the file as UTF-8")
        }
        return text
    }
}
