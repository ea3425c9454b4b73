import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The partial file of a download, opened once for every attempt, locked against a second download to the same
/// destination, and renamed over the destination when complete. ``close()`` (or deinit) releases it.
final class PartialFile {
    /// The partial file's path.
    let path: String
    private var descriptor: Int32

    /// Opens (creating it if needed) and locks the partial file at `path`.
    init(path: String) throws(TransportError) {
        self.path = path
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw Self.writeError(path, errno, written: 0) }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            Glibc.close(fd)
            throw TransportError(
                .fileWriteFailed, "another download is writing \(path): wait for it to finish, or choose another file")
        }
        descriptor = fd
    }

    deinit {
        close()
    }

    /// Closes the file, releasing the lock at once (the transfer thread may hold this object a moment longer).
    func close() {
        guard descriptor >= 0 else { return }
        Glibc.close(descriptor)
        descriptor = -1
    }

    /// The bytes in the file now.
    var size: Int64 {
        var info = stat()
        return fstat(descriptor, &info) == 0 ? Int64(info.st_size) : 0
    }

    /// Empties the file (a restart from byte 0).
    func truncate() throws(TransportError) {
        guard size > 0 else { return }
        guard ftruncate(descriptor, 0) == 0 else { throw Self.writeError(path, errno, written: 0) }
    }

    /// Writes `bytes` at `offset`.
    func write(_ bytes: UnsafeRawBufferPointer, at offset: Int64) -> TransportError? {
        var done = 0
        while done < bytes.count {
            let count = pwrite(descriptor, bytes.baseAddress! + done, bytes.count - done, off_t(offset) + off_t(done))
            if count < 0 {
                if errno == EINTR { continue }
                return Self.writeError(path, errno, written: offset + Int64(done))
            }
            done += count
        }
        return nil
    }

    /// Flushes the file to disk and renames it to `destination`.
    func complete(as destination: String) throws(TransportError) {
        guard fsync(descriptor) == 0 else { throw Self.writeError(path, errno, written: size) }
        guard rename(path, destination) == 0 else {
            let code = errno
            throw TransportError(
                .fileWriteFailed,
                "cannot move the finished download \(path) to \(destination): \(String(cString: strerror(code)))")
        }
    }

    /// Deletes the file when it is empty (nothing worth resuming).
    func removeIfEmpty() {
        if size == 0 { unlink(path) }
    }

    /// The error for a failed write, naming the path and what was kept.
    static func writeError(_ path: String, _ code: Int32, written: Int64) -> TransportError {
        let reason = String(cString: strerror(code))
        if code == ENOSPC || code == EDQUOT {
            return TransportError(
                .fileWriteFailed,
                "disk full while downloading to \(path) after \(written) bytes (\(reason)): free some space and run "
                    + "again; the partial file is kept and the download resumes from it")
        }
        return TransportError(.fileWriteFailed, "cannot write the download to \(path): \(reason)")
    }
}
