import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
#if canImport(Glibc)
import Glibc
#endif
import GRDB
import StewardApp
import StewardCore
import StewardSQLite
import StewardTesting
import Testing

/// Uploads against a real `steward serve`: a 100 MB file streams through in bounded memory, and a
/// server killed mid-upload leaves nothing behind once it is started again.
@Suite("upload processes", .serialized)
struct UploadProcessTests {
    static let profiles = ImportFixtures.directory.appendingPathComponent("profiles").path

    /// `serve --no-workers` on the test's database; returns the process and its port.
    static func serve(_ test: SQLiteTestStore, logLevel: String = "info") async throws -> (ChildProcess, Int) {
        let server = try ChildProcess(["serve", "--port", "0", "--no-workers", "--workflows", profiles, "--log-level", logLevel, "--database", test.path],
                                      in: test.directory.url)
        #expect(await server.waitForOutput(containing: "listening on"), "\(server.standardError)")
        let port = try #require(server.standardOutput.firstMatch(of: /127\.0\.0\.1:(\d+)/).flatMap { Int($0.1) })
        return (server, port)
    }

    @Test func a100MBUploadStreamsToDiskInBoundedMemory() async throws {
        try await SQLiteTestStore.with(schema: StewardStore.schema) { test in
            let secret = try await TokenService(store: test.store).create(name: "ops", role: .operator, by: "test").secret
            let file = test.directory.url.appendingPathComponent("big.csv")
            try Self.writeCSV(to: file, bytes: 100 << 20)
            let (server, port) = try await Self.serve(test)
            let baseline = try #require(server.peakResidentBytes)
            var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/imports?profile=prospecting-targets&file_name=big.csv")!)
            request.httpMethod = "POST"
            request.setValue("Bearer \(secret)", forHTTPHeaderField: "Authorization")
            request.setValue("text/csv", forHTTPHeaderField: "Content-Type")
            let (data, response) = try await URLSession.shared.upload(for: request, fromFile: file)
            #expect((response as? HTTPURLResponse)?.statusCode == 202, "\(String(decoding: data, as: UTF8.self))")
            let peak = try #require(server.peakResidentBytes)
            server.send(SIGTERM)
            #expect(await server.waitForExit() == 0)
            // The body was 100 MiB; holding it would add at least that much.
            #expect(peak - baseline < 40 << 20, "peak \(peak >> 20) MiB after a baseline of \(baseline >> 20) MiB")
            let size = try await test.store.database.read { db in try Int.fetchOne(db, sql: "SELECT size FROM imports") }
            #expect(size == (try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int))
        }
    }

    @Test func aServerKilledMidUploadLeavesNoImportAndNoFileAfterRestart() async throws {
        try await SQLiteTestStore.with(schema: StewardStore.schema) { test in
            let secret = try await TokenService(store: test.store).create(name: "ops", role: .operator, by: "test").secret
            let (server, port) = try await Self.serve(test, logLevel: "debug")
            let socket = try LoopbackSocket(port: port)
            let header = "POST /imports?profile=prospecting-targets HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer \(secret)\r\n"
                + "Content-Type: text/csv\r\nContent-Length: \(10 << 20)\r\n\r\nCompany,Contact,Email,Phone,Website\n"
            try socket.send(Data(header.utf8) + Data(repeating: UInt8(ascii: "a"), count: 1 << 20))
            #expect(await server.waitForLog(containing: "receiving upload"), "\(server.standardError)")
            server.send(SIGKILL)
            #expect(await server.waitForExit() == SIGKILL)
            socket.close()
            let folder = test.path + ".imports"
            #expect(((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).count == 1, "the half upload is on disk")

            let (restarted, _) = try await Self.serve(test)
            #expect(((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).isEmpty)
            restarted.send(SIGTERM)
            #expect(await restarted.waitForExit() == 0)
            #expect(restarted.standardError.contains("removed uploads an earlier server left unfinished"))
            let imports = try await test.store.database.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM imports") }
            #expect(imports == 0)
        }
    }

    /// Rows the prospecting-targets profile accepts, up to `bytes`.
    static func writeCSV(to file: URL, bytes: Int) throws {
        FileManager.default.createFile(atPath: file.path, contents: nil)
        let output = try FileHandle(forWritingTo: file)
        defer { try? output.close() }
        try output.write(contentsOf: Data("Company,Contact,Email,Phone,Website\n".utf8))
        var written = 0
        var row = 0
        while written < bytes {
            var chunk = ""
            for _ in 0..<10_000 {
                row += 1
                chunk += "Company \(row) GmbH,Person \(row),person\(row)@company\(row).example,+49 30 \(100_000 + row),company\(row).example\n"
            }
            written += chunk.utf8.count
            try output.write(contentsOf: Data(chunk.utf8))
        }
    }
}

/// A plain TCP connection to 127.0.0.1, for a request that must stop halfway.
struct LoopbackSocket {
    let descriptor: Int32

    init(port: Int) throws {
        descriptor = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw POSIXError(.ECONNREFUSED) }
    }

    func send(_ data: Data) throws {
        var offset = 0
        while offset < data.count {
            let sent = data.withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress! + offset, data.count - offset, 0) }
            guard sent > 0 else { throw POSIXError(.EPIPE) }
            offset += sent
        }
    }

    func close() { _ = Glibc.close(descriptor) }
}
