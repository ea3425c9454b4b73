import HummingbirdCore
import NIOCore
import NIOPosix

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A regular file served in chunks: reads run on NIO's thread pool, so a file of any size is sent in constant memory
/// without blocking an event loop.
struct MediaFile: Sendable {
    /// Bytes read and written per chunk.
    static let chunkSize = 1 << 20

    /// The file's path.
    let path: String
    /// Its size in bytes when it was opened.
    let size: Int
    /// A validator from the size and modification time (hashing a large file per request would cost its size).
    let eTag: String

    /// Describes the regular file at `path`, or nil when there is none (missing, a folder, a device).
    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        self.path = path
        self.size = Int(info.st_size)
        self.eTag = "\"\(String(info.st_size, radix: 16))-\(String(info.st_mtim.tv_sec, radix: 16))\""
    }

    /// Writes the bytes of `range` to `writer`, one chunk at a time (each write waits for the client to keep up).
    func write(_ range: Range<Int>, to writer: inout any ResponseBodyWriter) async throws {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw ReadFailure(path: path, errno: errno) }
        defer { close(descriptor) }
        var offset = range.lowerBound
        while offset < range.upperBound {
            let count = min(Self.chunkSize, range.upperBound - offset)
            let start = offset
            let path = self.path
            let buffer = try await NIOThreadPool.singleton.runIfActive { () throws -> ByteBuffer in
                var buffer = ByteBufferAllocator().buffer(capacity: count)
                let read = buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: count) { raw in
                    pread(descriptor, raw.baseAddress, count, off_t(start))
                }
                guard read == count else { throw ReadFailure(path: path, errno: read < 0 ? errno : 0) }
                return buffer
            }
            try await writer.write(buffer)
            offset += count
        }
    }

    /// A file that could not be read to the end (removed or truncated while being served).
    struct ReadFailure: Error {
        /// The file.
        var path: String
        /// The system error, 0 when the file ended early.
        var errno: Int32
    }
}
