/// The file types the service accepts for upload (NEMO_API.md: the documented list, plus `bmp` and `heic`, which
/// profiles name, and `jpeg` as a spelling of `jpg`).
public enum UploadFormats {
    /// The documented list, in the documents' order.
    public static let documented = [
        "mp4", "mov", "avi", "webm", "mkv", "jpg", "png", "gif", "webp", "mp3", "wav", "m4a", "aac",
    ]

    /// Every accepted extension, lower case.
    public static let accepted: Set<String> = Set(documented + ["jpeg", "bmp", "heic"])

    /// Whether a file name has an accepted extension (case ignored).
    public static func isAccepted(fileName: String) -> Bool {
        guard let dot = fileName.lastIndex(of: "."), dot != fileName.startIndex else { return false }
        return accepted.contains(fileName[fileName.index(after: dot)...].lowercased())
    }
}
