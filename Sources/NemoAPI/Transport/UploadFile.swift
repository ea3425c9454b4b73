import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file opened for streaming as a request body; the descriptor is closed in deinit.
final class UploadFile {
    /// The path, for messages.
    let path: String
    /// The file's size when opened.
    let size: Int64
    private let descriptor: Int32

    /// Opens a regular file for reading.
    init(path: String) throws(TransportError) {
        self.path = path
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw Self.unreadable(path, errno) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            close(fd)
            throw TransportError(.fileUnreadable, "cannot upload \(path): it is not a regular file")
        }
        descriptor = fd
        size = Int64(info.st_size)
    }

    deinit {
        close(descriptor)
    }

    /// Reads the next block into `buffer`: the count read (0 at the end of the file), or an error.
    func read(into buffer: UnsafeMutableRawBufferPointer) -> Result<Int, TransportError> {
        while true {
            let count = Glibc.read(descriptor, buffer.baseAddress, buffer.count)
            if count >= 0 { return .success(count) }
            if errno != EINTR { return .failure(Self.unreadable(path, errno)) }
        }
    }

    /// Moves the read position (`origin` is `SEEK_SET`, `SEEK_CUR` or `SEEK_END`).
    func seek(to offset: Int64, origin: Int32) -> Bool {
        lseek(descriptor, off_t(offset), origin) >= 0
    }

    /// Checks that `path` names a readable regular file.
    static func checkReadable(_ path: String) throws(TransportError) {
        var info = stat()
        guard stat(path, &info) == 0 else { throw unreadable(path, errno) }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw TransportError(.fileUnreadable, "cannot upload \(path): it is not a regular file")
        }
        guard access(path, R_OK) == 0 else { throw unreadable(path, errno) }
    }

    /// The error for a file that cannot be read.
    static func unreadable(_ path: String, _ code: Int32) -> TransportError {
        TransportError(
            .fileUnreadable, "cannot read \(path) to upload it: \(String(cString: strerror(code))): check the path")
    }
}
