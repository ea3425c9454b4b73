import Glibc
import NemoCore

/// The file operations nemo's stores share: read whole, write atomically with mode 0600, make the folder (0700),
/// check who may read a file, delete. Errors are ``NemoAPIError`` with code ``NemoAPIError/Code/storage``.
enum PrivateFiles {
    /// The mode of every file nemo writes.
    static let fileMode: UInt32 = 0o600

    /// The bytes of the file at `path`, or `nil` when there is none.
    static func read(_ path: String) throws(NemoAPIError) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            if errno == ENOENT || errno == ENOTDIR { return nil }
            throw .storage(path: path, reason: systemMessage(errno))
        }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 16_384)
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .storage(path: path, reason: systemMessage(errno))
            }
            if count == 0 { return bytes }
            bytes += buffer[0..<count]
            if bytes.count > 16 << 20 { throw .storage(path: path, reason: "the file is larger than 16 MB") }
        }
    }

    /// Writes `bytes` to `path` atomically with mode 0600, creating the folder (0700) first.
    static func write(_ bytes: [UInt8], to path: String) throws(NemoAPIError) {
        try makeFolder(containing: path)
        do {
            try AtomicFile.write(bytes, to: path, mode: fileMode)
        } catch {
            throw .storage(path: path, reason: error.description)
        }
    }

    /// Deletes `path`; a missing file is fine.
    static func remove(_ path: String) throws(NemoAPIError) {
        if unlink(path) != 0, errno != ENOENT {
            throw .storage(path: path, reason: systemMessage(errno))
        }
    }

    /// The permission bits and owner of `path` (following links); `nil` when there is no file.
    static func status(_ path: String) throws(NemoAPIError) -> (mode: UInt32, owner: UInt32, isRegular: Bool)? {
        var info = stat()
        guard stat(path, &info) == 0 else {
            if errno == ENOENT || errno == ENOTDIR { return nil }
            throw .storage(path: path, reason: systemMessage(errno))
        }
        return (UInt32(info.st_mode) & 0o7777, UInt32(info.st_uid), (info.st_mode & S_IFMT) == S_IFREG)
    }

    /// The user id of this process.
    static var currentUser: UInt32 {
        UInt32(geteuid())
    }

    /// Creates the folder of `path` and its parents (new folders get mode 0700).
    static func makeFolder(containing path: String) throws(NemoAPIError) {
        guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return }
        try makeFolder(String(path[..<slash]))
    }

    /// Creates `folder` and its parents (new ones with mode 0700).
    static func makeFolder(_ folder: String) throws(NemoAPIError) {
        var info = stat()
        if stat(folder, &info) == 0 {
            guard (info.st_mode & S_IFMT) == S_IFDIR else {
                throw .storage(path: folder, reason: "it is not a folder", advice: "Move it away and try again.")
            }
            return
        }
        if let slash = folder.lastIndex(of: "/"), slash != folder.startIndex {
            try makeFolder(String(folder[..<slash]))
        }
        if mkdir(folder, 0o700) != 0, errno != EEXIST {
            throw .storage(path: folder, reason: systemMessage(errno))
        }
    }

    /// The system's message for an `errno` value.
    static func systemMessage(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}
