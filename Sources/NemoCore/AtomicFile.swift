#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes files atomically: the bytes go to a hidden temporary file beside the destination, are flushed to disk,
/// and the temporary file is renamed over the destination. Readers see the old file or the new one, never a part.
public enum AtomicFile {
    /// Writes `bytes` to `path` atomically with the given permission bits (default `0o644`).
    ///
    /// - Throws: ``AtomicFileError`` naming the path and the system's reason; nothing is left behind on failure.
    public static func write(_ bytes: some Collection<UInt8>, to path: String, mode: UInt32 = 0o644) throws(AtomicFileError) {
        let temporary = temporaryPath(for: path)
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode_t(mode))
        guard fd >= 0 else { throw AtomicFileError(path: path, operation: "create", errno: errno) }
        var closed = false
        defer {
            if !closed { close(fd) }
        }
        do throws(AtomicFileError) {
            try writeAll(bytes, to: fd, path: path)
            if fchmod(fd, mode_t(mode)) != 0 { throw AtomicFileError(path: path, operation: "chmod", errno: errno) }
            if fsync(fd) != 0 { throw AtomicFileError(path: path, operation: "flush", errno: errno) }
            closed = true
            if close(fd) != 0 { throw AtomicFileError(path: path, operation: "close", errno: errno) }
            if rename(temporary, path) != 0 { throw AtomicFileError(path: path, operation: "rename", errno: errno) }
        } catch {
            unlink(temporary)
            throw error
        }
    }

    /// The temporary name used for `path`: hidden, in the same folder (so rename stays on one filesystem), and
    /// unique per process and call.
    public static func temporaryPath(for path: String) -> String {
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        return "\(folder).\(name).tmp-\(getpid())-\(counter.next())"
    }

    private static func writeAll(_ bytes: some Collection<UInt8>, to fd: Int32, path: String) throws(AtomicFileError) {
        let written: Bool? = bytes.withContiguousStorageIfAvailable { buffer in
            (try? writeBuffer(UnsafeRawBufferPointer(buffer), to: fd, path: path)) != nil
        }
        if let written {
            if !written { throw AtomicFileError(path: path, operation: "write", errno: errno) }
            return
        }
        let copy = Array(bytes)
        let failure: AtomicFileError? = copy.withUnsafeBytes { buffer in
            do throws(AtomicFileError) { try writeBuffer(buffer, to: fd, path: path) } catch { return error }
            return nil
        }
        if let failure { throw failure }
    }

    private static func writeBuffer(_ buffer: UnsafeRawBufferPointer, to fd: Int32, path: String)
        throws(AtomicFileError)
    {
        var offset = 0
        while offset < buffer.count {
            let count = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
            if count < 0 {
                if errno == EINTR { continue }
                throw AtomicFileError(path: path, operation: "write", errno: errno)
            }
            offset += count
        }
    }

    private static let counter = AtomicCounter()
}

/// Why an atomic write failed: the destination, the step, and the system's message.
public struct AtomicFileError: Error, Sendable, CustomStringConvertible {
    /// The destination path.
    public let path: String
    /// The step that failed (create, write, flush, rename...).
    public let operation: String
    /// The `errno` value reported by the system.
    public let code: Int32

    /// Creates an error from the failing step and `errno`.
    public init(path: String, operation: String, errno code: Int32) {
        self.path = path
        self.operation = operation
        self.code = code
    }

    /// A sentence a person can act on, e.g. "cannot write out/a.png: No space left on device".
    public var description: String {
        "cannot \(operation) \(path): \(String(cString: strerror(code)))"
    }
}
