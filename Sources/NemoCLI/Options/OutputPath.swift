import Foundation
import Glibc

/// Checks an output path before any work (and any credit) is spent on it.
enum OutputPath {
    /// Throws a usage error when the folder `path` would be written in does not exist or cannot be written, or
    /// `path` is a folder.
    static func checkWritable(_ path: String) throws {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw CLIError.usage("Cannot write \(path): the folder \(folder) does not exist. Nothing was sent.")
        }
        guard access(folder, W_OK) == 0 else {
            throw CLIError.usage("Cannot write \(path): the folder \(folder) is not writable. Nothing was sent.")
        }
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            throw CLIError.usage("Cannot write \(path): it is a folder. Give a file name, e.g. \(path)/video.mp4.")
        }
    }
}
