import Foundation

/// Where the demo finds the repository's shipped files (fixtures, workflow files): the current
/// directory when it holds them, else the source tree this binary was built from, so
/// `steward demo` shows everything wherever it is started.
enum DemoFiles {
    static func path(_ relative: String, sourceFile: String = #filePath) -> String {
        if FileManager.default.fileExists(atPath: relative) { return relative }
        let root = URL(fileURLWithPath: sourceFile).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent(relative).path
    }

    static func text(_ relative: String) throws -> String {
        try String(contentsOfFile: path(relative), encoding: .utf8)
    }
}
