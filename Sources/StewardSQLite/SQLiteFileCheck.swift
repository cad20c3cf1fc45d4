import Foundation
import GRDB
import StewardCore

/// Checks made before SQLite touches a path, so a wrong path fails with a clear message and
/// leaves nothing behind (SQLite itself would create files, or report "file is not a database").
enum SQLiteFileCheck {
    static let header = Array("SQLite format 3\0".utf8)

    static func check(path: String, mustExist: Bool) throws {
        guard !path.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw StewardError(.invalidArguments, "the database path is empty",
                               fix: "give a file path with --database or STEWARD_DATABASE, or leave both out for ./steward.sqlite")
        }
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: path, isDirectory: &isDirectory) {
            if isDirectory.boolValue {
                throw StewardError(.databaseUnreadable, "\(path) is a directory, not a database file",
                                   fix: "pass a file path with --database or STEWARD_DATABASE")
            }
            try checkHeader(path: path)
        } else if mustExist {
            throw StewardError(.databaseUnreadable, "no database at \(path)",
                               fix: "run `steward demo` or `steward enqueue` first, or pass --database")
        } else {
            try checkCreatable(path: path)
        }
    }

    /// An empty file is fine (SQLite initialises it); anything else must start with the header.
    private static func checkHeader(path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw StewardError(.databaseUnreadable, "cannot read \(path)", fix: "check the file's permissions")
        }
        defer { try? handle.close() }
        let prefix = Array((try? handle.read(upToCount: header.count)) ?? Data())
        guard prefix.isEmpty || prefix == header else {
            throw StewardError(.databaseUnreadable, "\(path) is not a SQLite database",
                               fix: "pass the path of a Steward database, or a new file name, with --database")
        }
    }

    private static func checkCreatable(path: String) throws {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw StewardError(.databaseNotWritable, "cannot create \(path): directory \(directory) does not exist",
                               fix: "create the directory or pass another path with --database")
        }
        guard access(directory, W_OK) == 0 else {
            throw StewardError(.databaseNotWritable, "cannot create \(path): directory \(directory) is not writable",
                               fix: "pass a path in a writable directory with --database or STEWARD_DATABASE")
        }
    }

    /// Turns SQLite's open-time errors into messages that name the file.
    static func mapOpenErrors<T>(path: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DatabaseError {
            throw translate(error, path: path)
        }
    }

    private static func translate(_ error: DatabaseError, path: String) -> StewardError {
        switch error.resultCode {
        case .SQLITE_NOTADB, .SQLITE_CORRUPT:
            StewardError(.databaseUnreadable, "\(path) is not a SQLite database or is damaged (\(error.message ?? "?"))",
                         fix: "pass another file with --database")
        case .SQLITE_READONLY, .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_IOERR:
            StewardError(.databaseNotWritable, "cannot open \(path) for writing (\(error.message ?? "?"))",
                         fix: "check the file and directory permissions, or pass another path with --database")
        default:
            StewardError(.databaseUnreadable, "cannot open \(path): \(error.message ?? "\(error)")")
        }
    }
}
