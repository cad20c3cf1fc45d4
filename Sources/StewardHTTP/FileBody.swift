import Foundation
import Hummingbird
import NIOCore

/// A file sent as a response body in 64 KiB pieces, so memory does not grow with it; `removeAfter`
/// deletes it once sent (a report written only for this answer).
enum FileBody {
    static func stream(_ file: URL, removeAfter: Bool = false) throws -> ResponseBody {
        let size = (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? nil
        let input = try FileHandle(forReadingFrom: file)
        return ResponseBody(contentLength: size) { writer in
            defer {
                try? input.close()
                if removeAfter { try? FileManager.default.removeItem(at: file) }
            }
            while let chunk = try input.read(upToCount: 1 << 16), !chunk.isEmpty {
                try await writer.write(ByteBuffer(bytes: chunk))
            }
            try await writer.finish(nil)
        }
    }
}
