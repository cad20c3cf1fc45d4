import Crypto
public import Foundation
import GRDB
import StewardCore
import StewardSQLite
public import StewardWorkflows

/// A file arriving in pieces (an HTTP upload), written into the managed folder as it comes and
/// hashed on the way, so memory does not grow with the file. Its name carries this process's id
/// (`up<pid>-…`): if the process dies mid-upload, the next start of a server on the same database
/// finds the file unregistered and its writer gone, and removes it (`sweepAbandonedUploads`).
public final class ImportUpload {
    public let fileName: String
    public private(set) var size = 0
    /// Where the bytes go (inside the database's managed folder).
    public let path: String
    private let output: FileHandle
    private var hasher = SHA256()
    private var closed = false

    public init(fileName: String, databasePath: String) throws {
        self.fileName = Self.safeName(fileName)
        let folder = ImportFiles.directory(forDatabase: databasePath)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw StewardError(.databaseNotWritable, "cannot create \(folder.path) for imported files", fix: "check that the database's folder is writable")
        }
        path = folder.appendingPathComponent("\(Self.prefix(getpid()))\(UUID().uuidString.prefix(8).lowercased())-\(self.fileName)").path
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
            throw StewardError(.databaseNotWritable, "cannot write \(path)", fix: "check that the database's folder is writable")
        }
        output = handle
    }

    public func append(_ bytes: UnsafeRawBufferPointer) throws {
        hasher.update(bufferPointer: bytes)
        size += bytes.count
        try output.write(contentsOf: bytes)
    }

    /// Flushes the file and checks it as any import is checked (encoding, header, columns); a
    /// refused file is removed and the error names it.
    public func finish(profile: ImportProfileDefinition) throws -> StagedImport {
        try close()
        let stored = ImportFiles.Stored(path: path, size: size, sha256: hasher.finalize().map { String(format: "%02x", $0) }.joined())
        do {
            try ImportService.checkFile(URL(fileURLWithPath: path), name: fileName, profile: profile)
        } catch {
            ImportFiles.remove(stored)
            throw error
        }
        return StagedImport(stored: stored, fileName: fileName)
    }

    /// Flushes the file and hands it over unchecked (a corrected error report for a retry,
    /// which the retry copies and checks); the caller removes it with `abort()` afterwards.
    public func complete() throws -> URL {
        try close()
        return URL(fileURLWithPath: path)
    }

    /// Removes what arrived: the upload failed or was refused, or its copy was taken.
    public func abort() {
        try? close()
        ImportFiles.remove(ImportFiles.Stored(path: path, size: size, sha256: ""))
    }

    private func close() throws {
        guard !closed else { return }
        closed = true
        try output.synchronize()
        try output.close()
    }

    static func prefix(_ pid: Int32) -> String { "up\(pid)-" }

    /// Letters, digits, `.`, `-` and `_`, at most 100 of them: the name ends up in a path.
    static func safeName(_ name: String) -> String {
        let kept = String(name.unicodeScalars.map { CharacterSet.alphanumerics.contains($0) && $0.isASCII || "._-".unicodeScalars.contains($0) ? Character($0) : "_" })
        let trimmed = String(kept.drop { $0 == "." }.prefix(100))
        return trimmed.isEmpty ? "upload.csv" : trimmed
    }
}

extension ImportService {
    /// Removes uploads no import row names whose writer is gone: a process that has exited, or
    /// this one's own id (at start nothing of this process is uploading yet). Returns their paths.
    @discardableResult
    public func sweepAbandonedUploads() async throws -> [String] {
        let folder = ImportFiles.directory(forDatabase: store.path)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        let candidates = names.filter { name in
            guard name.hasPrefix("up"), let pid = Int32(name.dropFirst(2).prefix { $0.isNumber }) else { return false }
            return pid == getpid() || (kill(pid, 0) != 0 && errno == ESRCH)
        }.map { folder.appendingPathComponent($0).path }
        guard !candidates.isEmpty else { return [] }
        let registered = Set(try await store.database.read { db in
            try String.fetchAll(db, sql: "SELECT stored_path FROM imports WHERE stored_path IN (\(databaseQuestionMarks(count: candidates.count)))",
                                arguments: StatementArguments(candidates))
        })
        let abandoned = candidates.filter { !registered.contains($0) }
        for path in abandoned { try? FileManager.default.removeItem(atPath: path) }
        return abandoned
    }
}
