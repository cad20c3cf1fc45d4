public import Foundation

/// Moving a finished file into place in one step, so a reader sees the old file or the new
/// one, never half of one. (`FileManager.replaceItemAt` on Linux fails when nothing is there yet.)
public enum AtomicFile {
    public static func move(_ source: URL, replacing destination: URL) throws {
        guard rename(source.path, destination.path) == 0 else {
            let code = POSIXErrorCode(rawValue: errno) ?? .EIO
            throw StewardError(.init(rawValue: "file_move_failed"), "cannot move \(source.path) to \(destination.path): \(POSIXError(code).localizedDescription)",
                               fix: "check that \(destination.deletingLastPathComponent().path) is writable and no directory has that name")
        }
    }
}
