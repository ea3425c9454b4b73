/// One uploaded file as the service describes it.
public struct UploadedFile: Sendable, Hashable {
    /// The stored name (the service sanitises it: `my photo.png` may become `my_photo.png`).
    public var filename: String
    /// `image`, `video` or `audio`, when sent.
    public var fileType: String?
    /// Where the service serves the file.
    public var cdnURL: String?
    /// Duration in seconds (audio and video), when sent.
    public var duration: Double?
    /// Width in pixels, when sent.
    public var width: Int?
    /// Height in pixels, when sent.
    public var height: Int?
    /// Frames per second (video), when sent.
    public var fps: Double?
    /// The content hash (SHA-256 hex at the mock), when sent.
    public var hash: String?
    /// Size in bytes, when sent.
    public var size: Int?

    /// Creates a file description.
    public init(
        filename: String, fileType: String? = nil, cdnURL: String? = nil, duration: Double? = nil,
        width: Int? = nil, height: Int? = nil, fps: Double? = nil, hash: String? = nil, size: Int? = nil
    ) {
        self.filename = filename
        self.fileType = fileType
        self.cdnURL = cdnURL
        self.duration = duration
        self.width = width
        self.height = height
        self.fps = fps
        self.hash = hash
        self.size = size
    }

    /// Reads one entry of `files`; `nil` when it is not an object with a name (or a URL to take one from).
    public init?(wire entry: JSONValue) {
        guard case .object = entry else { return nil }
        let object = try? WireObject(entry, "uploaded file")
        guard let object else { return nil }
        let url = object.string("cdn_url", "cdnUrl", "url")
        guard let name = object.string("filename", "file_name", "name") ?? url.map(Self.lastComponent) else {
            return nil
        }
        filename = name
        fileType = object.string("file_type", "fileType", "type")
        cdnURL = url
        duration = object.double("duration")
        width = object.int("width")
        height = object.int("height")
        fps = object.double("fps", "frame_rate")
        hash = object.string("hash", "sha256")
        size = object.int("size", "file_size")
    }

    /// The last path component of a URL, without query.
    private static func lastComponent(of url: String) -> String {
        let path = url.split(separator: "?", maxSplits: 1).first.map(String.init) ?? url
        return path.split(separator: "/").last.map(String.init) ?? path
    }
}
