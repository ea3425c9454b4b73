import Foundation
import NemoRender

/// What `nemo run` is given: photos, which nemo-prep prepares, and video clips, which are uploaded as they are
/// (prep is for still images; the service and the offline renderer take the clips directly).
///
/// Clips count wherever they are: named on the command line, or inside a folder given (found the way prep finds
/// photos: name order, subfolders in place, hidden files skipped). Prep skips them in folders by itself, since they
/// are not images.
struct RunInputs: Sendable {
    /// The arguments, files or folders, in the order given.
    let arguments: [String]

    /// Whether `path` has a video extension.
    static func hasVideoExtension(_ path: String) -> Bool {
        MediaReference.videoExtensions.contains((path as NSString).pathExtension.lowercased())
    }

    /// Whether `path` is a folder.
    static func isFolder(_ path: String) -> Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && isFolder.boolValue
    }

    /// Whether `path` names a video clip: a file (not a folder) with a video extension.
    static func isVideo(_ path: String) -> Bool {
        hasVideoExtension(path) && !isFolder(path)
    }

    /// Every file under `folder`, in prep's order: names sorted, a subfolder's files in its place, hidden ones skipped.
    static func files(in folder: String) -> [String] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
        return names.filter { !$0.hasPrefix(".") }.flatMap { name -> [String] in
            let path = (folder as NSString).appendingPathComponent(name)
            return isFolder(path) ? files(in: path) : [path]
        }
    }

    /// The arguments that go through prep (files and folders of photos).
    var photoArguments: [String] { arguments.filter { !Self.isVideo($0) } }

    /// Every clip: the ones named, and the ones inside the folders given, in order.
    var videos: [String] { uploadOrder(prepared: []) }

    /// The files to upload in the order the user named them: each clip where it was named or found, and each photo
    /// argument's prepared copies (`prepared` pairs an input path with its output, in prep's order) where it was
    /// named or found.
    func uploadOrder(prepared: [(input: String, output: String)]) -> [String] {
        var placed = [Bool](repeating: false, count: prepared.count)
        var order: [String] = []
        func place(_ input: String) {
            for (index, item) in prepared.enumerated() where !placed[index] && item.input == input {
                placed[index] = true
                order.append(item.output)
            }
        }
        for argument in arguments {
            if Self.isVideo(argument) {
                order.append(argument)
            } else if Self.isFolder(argument) {
                for file in Self.files(in: argument) {
                    if Self.hasVideoExtension(file) { order.append(file) } else { place(file) }
                }
            } else {
                place(argument)
            }
        }
        return order + prepared.indices.filter { !placed[$0] }.map { prepared[$0].output }
    }
}
