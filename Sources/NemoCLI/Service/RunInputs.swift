import Foundation
import NemoRender

/// What `nemo run` is given: photos, which nemo-prep prepares, and video clips, which are uploaded as they are
/// (prep is for still images; the service and the offline renderer take the clips directly).
///
/// Clips count wherever they are: named on the command line, or inside a folder given (found the way prep finds
/// photos: name order, subfolders in place, hidden files skipped). Prep skips them in folders by itself, since they
/// are not images.
struct RunInputs: Sendable {
    /// One file in the order the user gave it: a clip, or a photo (named, or found in a folder given).
    enum Item: Sendable, Equatable {
        case video(String)
        case photo(String)
    }

    /// The arguments, files or folders, in the order given.
    let arguments: [String]
    /// Every file they name, in order: folders walked once, here.
    let items: [Item]

    init(arguments: [String]) {
        self.arguments = arguments
        items = arguments.flatMap { argument -> [Item] in
            if Self.isFolder(argument) {
                return Self.files(in: argument).map { Self.hasVideoExtension($0) ? .video($0) : .photo($0) }
            }
            return [Self.hasVideoExtension(argument) ? .video(argument) : .photo(argument)]
        }
    }

    /// Whether `path` has a video extension.
    static func hasVideoExtension(_ path: String) -> Bool {
        MediaReference.videoExtensions.contains((path as NSString).pathExtension.lowercased())
    }

    /// Whether `path` is a folder.
    static func isFolder(_ path: String) -> Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && isFolder.boolValue
    }

    /// Every file under `folder`, in prep's order: names sorted, a subfolder's files in its place, hidden ones skipped.
    static func files(in folder: String) -> [String] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
        return names.filter { !$0.hasPrefix(".") }.flatMap { name -> [String] in
            let path = (folder as NSString).appendingPathComponent(name)
            return isFolder(path) ? files(in: path) : [path]
        }
    }

    /// The arguments that go through prep (files and folders of photos): all but the clips named.
    var photoArguments: [String] { arguments.filter { !items.contains(.video($0)) } }

    /// Every clip: the ones named, and the ones inside the folders given, in order.
    var videos: [String] { items.compactMap { if case .video(let path) = $0 { path } else { nil } } }

    /// The files to upload in the order the user gave them: each clip where it was named or found, and the prepared
    /// copy of each photo (`prepared` pairs an input path with its output, in prep's order) where it was named or
    /// found; prepared copies of no item come last.
    func uploadOrder(prepared: [(input: String, output: String)]) -> [String] {
        var placed = [Bool](repeating: false, count: prepared.count)
        var order: [String] = []
        for item in items {
            switch item {
            case .video(let path):
                order.append(path)
            case .photo(let path):
                for (index, entry) in prepared.enumerated() where !placed[index] && entry.input == path {
                    placed[index] = true
                    order.append(entry.output)
                }
            }
        }
        return order + prepared.indices.filter { !placed[$0] }.map { prepared[$0].output }
    }
}
