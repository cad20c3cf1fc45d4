import Crypto
import Foundation
import StewardCore

/// The managed folder beside the database (`steward.sqlite.imports/`) that keeps a copy of every
/// imported file, so a job never depends on the user's copy staying where it was.
enum ImportFiles {
    static func directory(forDatabase path: String) -> URL {
        URL(fileURLWithPath: path + ".imports")
    }

    struct Stored {
        var path: String
        var size: Int
        var sha256: String
    }

    /// Copies `source` into the folder under a fresh name, hashing it on the way.
    static func store(_ source: URL, databasePath: String) throws -> Stored {
        let input = try ImportInputFile.open(source.path, name: source.path)
        defer { try? input.close() }
        return try store(input, named: source.lastPathComponent, databasePath: databasePath)
    }

    /// Reads `input` once, to its end, into the folder under a fresh name, hashing it on the way:
    /// a pipe or FIFO works as well as a file. `progress` hears the bytes copied so far.
    static func store(_ input: FileHandle, named name: String, databasePath: String, progress: ((Int) -> Void)? = nil) throws -> Stored {
        let target = try newFile(named: name, databasePath: databasePath)
        do {
            return try copy(input, to: target, progress: progress)
        } catch {
            remove(Stored(path: target.path, size: 0, sha256: ""))
            throw error
        }
    }

    /// Deletes a stored copy, and the folder with it when that leaves it empty (a refused first
    /// import leaves nothing beside the database).
    static func remove(_ stored: Stored) {
        let file = URL(fileURLWithPath: stored.path)
        try? FileManager.default.removeItem(at: file)
        let folder = file.deletingLastPathComponent()
        if (try? FileManager.default.contentsOfDirectory(atPath: folder.path))?.isEmpty == true {
            try? FileManager.default.removeItem(at: folder)
        }
    }

    /// Writes a generated retry file into the folder as `write` emits its pieces.
    static func store(named name: String, databasePath: String, write: (([UInt8]) throws -> Void) throws -> Void) throws -> Stored {
        let target = try newFile(named: name, databasePath: databasePath)
        do {
            let output = try openForWriting(target)
            defer { try? output.close() }
            var hasher = SHA256()
            var size = 0
            try write { piece in
                hasher.update(data: piece)
                size += piece.count
                try output.write(contentsOf: piece)
            }
            try output.synchronize()
            return Stored(path: target.path, size: size, sha256: hex(hasher.finalize()))
        } catch {
            try? FileManager.default.removeItem(at: target)
            throw error
        }
    }

    private static func openForWriting(_ target: URL) throws -> FileHandle {
        guard FileManager.default.createFile(atPath: target.path, contents: nil), let output = FileHandle(forWritingAtPath: target.path) else {
            throw StewardError(.databaseNotWritable, "cannot write \(target.path)", fix: "check that the database's folder is writable")
        }
        return output
    }

    private static func newFile(named name: String, databasePath: String) throws -> URL {
        let folder = directory(forDatabase: databasePath)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw StewardError(.databaseNotWritable, "cannot create \(folder.path) for imported files", fix: "check that the database's folder is writable")
        }
        return folder.appendingPathComponent("\(UUID().uuidString.prefix(8).lowercased())-\(name)")
    }

    /// A directory read as a file fails here on some systems: said so, not as a Foundation error.
    private static func readChunk(_ input: FileHandle) throws -> Data? {
        do {
            return try input.read(upToCount: 1 << 20)
        } catch {
            throw StewardError(.importFileMissing, "the file to import cannot be read (\((error as NSError).localizedDescription))",
                               fix: "check that it is a readable file, or pass - to read standard input")
        }
    }

    private static func hex(_ digest: some Sequence<UInt8>) -> String {
        digest.map { String(format: "%02x", $0) }.joined()
    }

    private static func copy(_ input: FileHandle, to target: URL, progress: ((Int) -> Void)?) throws -> Stored {
        let output = try openForWriting(target)
        defer { try? output.close() }
        var hasher = SHA256()
        var size = 0
        while let chunk = try readChunk(input), !chunk.isEmpty {
            hasher.update(data: chunk)
            size += chunk.count
            try output.write(contentsOf: chunk)
            progress?(size)
        }
        try output.synchronize()
        return Stored(path: target.path, size: size, sha256: hex(hasher.finalize()))
    }
}


/// A file copied into the managed folder and checked, ready to be registered as an import.
public struct StagedImport: Sendable {
    let stored: ImportFiles.Stored
    public let fileName: String
    public var size: Int { stored.size }
}

extension StagedImport {
    /// Deletes the copy: the import was not registered after all.
    public func discard() { ImportFiles.remove(stored) }
}
