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
        let target = try newFile(named: source.lastPathComponent, databasePath: databasePath)
        do {
            return try copy(input, to: target)
        } catch {
            try? FileManager.default.removeItem(at: target)
            throw error
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

    private static func hex(_ digest: some Sequence<UInt8>) -> String {
        digest.map { String(format: "%02x", $0) }.joined()
    }

    private static func copy(_ input: FileHandle, to target: URL) throws -> Stored {
        let output = try openForWriting(target)
        defer { try? output.close() }
        var hasher = SHA256()
        var size = 0
        while let chunk = try input.read(upToCount: 1 << 20), !chunk.isEmpty {
            hasher.update(data: chunk)
            size += chunk.count
            try output.write(contentsOf: chunk)
        }
        try output.synchronize()
        return Stored(path: target.path, size: size, sha256: hex(hasher.finalize()))
    }
}

