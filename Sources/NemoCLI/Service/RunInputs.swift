import Foundation
import NemoRender

/// What `nemo run` is given: photos, which nemo-prep prepares, and video clips, which are uploaded as they are
/// (prep is for still images; the service and the offline renderer take the clips directly).
struct RunInputs: Sendable {
    /// The arguments, files or folders, in the order given.
    let arguments: [String]

    /// Whether `path` names a video clip: a file (not a folder) with a video extension.
    static func isVideo(_ path: String) -> Bool {
        var isFolder: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
        let named = (path as NSString).pathExtension.lowercased()
        return !(exists && isFolder.boolValue) && MediaReference.videoExtensions.contains(named)
    }

    /// The arguments that go through prep (files and folders of photos).
    var photoArguments: [String] { arguments.filter { !Self.isVideo($0) } }

    /// The arguments that are video clips.
    var videos: [String] { arguments.filter(Self.isVideo) }

    /// The files to upload in the order the user named them: each clip where it was named, and each photo argument's
    /// prepared copies (`prepared` pairs an input path with its output, in prep's order) where it was named.
    func uploadOrder(prepared: [(input: String, output: String)]) -> [String] {
        var placed = [Bool](repeating: false, count: prepared.count)
        var order: [String] = []
        for argument in arguments {
            if Self.isVideo(argument) {
                order.append(argument)
                continue
            }
            let folder = argument.hasSuffix("/") ? argument : argument + "/"
            for (index, item) in prepared.enumerated()
            where !placed[index] && (item.input == argument || item.input.hasPrefix(folder)) {
                placed[index] = true
                order.append(item.output)
            }
        }
        return order + prepared.indices.filter { !placed[$0] }.map { prepared[$0].output }
    }
}
