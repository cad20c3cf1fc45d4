import Foundation
import StewardCore
import StewardWorkflows

/// Where an export's file goes: its path template filled in, kept inside the export directory.
struct ExportPaths {
    let directory: URL

    func relativePath(for export: ExportDefinition, at date: Date) -> String {
        let zone = export.timing?.timeZone ?? .gmt
        return export.path
            .replacingOccurrences(of: "{date}", with: ExportDates.day(date, in: zone))
            .replacingOccurrences(of: "{time}", with: ExportDates.time(date, in: zone))
            .replacingOccurrences(of: "{name}", with: export.name)
    }

    /// The absolute file URL; refuses anything that resolves outside the directory.
    func file(_ relative: String) throws -> URL {
        let root = directory.standardizedFileURL
        let url = root.appendingPathComponent(relative).standardizedFileURL
        guard url.path.hasPrefix(root.path + "/") else {
            throw StewardError(.invalidWorkflows, "export path '\(relative)' leaves \(root.path)", fix: "use a relative path without '..'")
        }
        return url
    }

    /// Creates the file's folder; a folder that cannot be made (or written) is named with what
    /// to do, not reported as a Foundation error.
    func createFolder(of final: URL) throws {
        let folder = final.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw Self.notWritable(folder)
        }
        guard access(folder.path, W_OK) == 0 else { throw Self.notWritable(folder) }
    }

    static func notWritable(_ folder: URL) -> StewardError {
        StewardError(.directoryNotWritable, "cannot write exports into \(folder.path)",
                     fix: "check that the folder can be created and written, or pass another --exports-dir")
    }

    /// After the folders exist: a symbolic link inside the export directory must not lead out.
    func checkResolved(_ final: URL) throws {
        let root = directory.resolvingSymlinksInPath().path
        let folder = final.deletingLastPathComponent().resolvingSymlinksInPath().path
        guard folder == root || folder.hasPrefix(root + "/") else {
            throw StewardError(.invalidWorkflows, "export folder \(final.deletingLastPathComponent().path) links outside \(root)",
                               fix: "replace the symbolic link with a real folder, or change the export's path")
        }
    }

    /// Written beside the final file and renamed into place, so readers never see half a file.
    func partial(for final: URL, run: Int64) -> URL {
        final.deletingLastPathComponent().appendingPathComponent(".\(final.lastPathComponent).\(run).partial")
    }

    /// Partial files a killed run left for this same file (other exports' are left alone).
    func removeStalePartials(of final: URL) {
        let folder = final.deletingLastPathComponent()
        let prefix = ".\(final.lastPathComponent)."
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for name in names where name.hasPrefix(prefix) && name.hasSuffix(".partial") {
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
        }
    }
}
