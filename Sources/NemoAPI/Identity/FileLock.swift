import Glibc

/// An exclusive advisory lock (`flock`) on a lock file, held while a store reads, changes and writes its file, so
/// two nemo processes never lose each other's changes.
enum FileLock {
    /// Runs `body` while holding the lock on `path` (created with mode 0600 if needed), waiting for another holder
    /// to release it first.
    static func withLock<T>(_ path: String, _ body: () throws(NemoAPIError) -> T) throws(NemoAPIError) -> T {
        try PrivateFiles.makeFolder(containing: path)
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .storage(path: path, reason: PrivateFiles.systemMessage(errno)) }
        defer { close(fd) }
        while flock(fd, LOCK_EX) != 0 {
            if errno == EINTR { continue }
            throw .storage(path: path, reason: PrivateFiles.systemMessage(errno))
        }
        defer { flock(fd, LOCK_UN) }
        return try body()
    }
}
