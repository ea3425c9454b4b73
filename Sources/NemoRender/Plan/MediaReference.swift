public import NemoAPI

/// What a segment says about its media: where it was uploaded and what kind of file it is.
public struct MediaReference: Sendable, Hashable {
    /// `m.cdn_url`, `m.url`, `m.src` or `m.path`.
    public var url: String?
    /// `m.filename`.
    public var filename: String?
    /// `m.file_type` or `m.type`: `image`, `video` or `audio`, when given.
    public var fileType: String?

    /// Creates a reference.
    public init(url: String? = nil, filename: String? = nil, fileType: String? = nil) {
        self.url = url
        self.filename = filename
        self.fileType = fileType
    }

    /// The reference a segment's metadata makes; `nil` when it names no file at all.
    public init?(segment: Timeline.Segment) {
        let meta = JSONValue.object(segment.metadata)
        url = meta.member("cdn_url", "url", "src", "path")?.stringValue
        filename = meta.member("filename", "file_name")?.stringValue
        fileType = meta.member("file_type", "fileType", "type")?.stringValue?.lowercased()
        guard url != nil || filename != nil else { return nil }
    }

    /// How the reference reads in a message: the file name, else the URL.
    public var label: String {
        filename ?? url.flatMap { $0.split(separator: "/").last.map(String.init) } ?? "(unnamed)"
    }

    /// The file extensions of video files (lowercase, without the dot).
    public static let videoExtensions: Set<String> = ["mp4", "mov", "m4v", "webm", "mkv", "avi"]

    /// Whether the reference is a video file (by its type or its name).
    var isVideo: Bool {
        if let fileType { return fileType == "video" }
        let name = (filename ?? url ?? "").lowercased()
        return Self.videoExtensions.contains { name.hasSuffix("." + $0) }
    }
}

/// Finds the local file for a segment's media: the mock maps its own URLs to its upload folder; `nemo export --local`
/// downloads them first. Returns `nil` when the file is not available.
public typealias MediaResolver = @Sendable (MediaReference) -> String?
