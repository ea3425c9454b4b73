public import Foundation

/// One file of a multipart upload, streamed from disk by curl (`curl_mime_filedata`) while it is sent.
public struct MultipartFile: Sendable, Hashable {
    /// The file to send.
    public var url: URL
    /// The form field name (the NemoVideo upload endpoint expects `files`).
    public var field: String
    /// The file name the server sees (default: the file's own name).
    public var filename: String
    /// The part's `Content-Type` (default: guessed from the extension, else `application/octet-stream`).
    public var contentType: String

    /// Creates a part for the file at `url`.
    public init(url: URL, field: String = "files", filename: String? = nil, contentType: String? = nil) {
        self.url = url
        self.field = field
        self.filename = filename ?? url.lastPathComponent
        self.contentType = contentType ?? Self.contentType(forExtension: url.pathExtension)
    }

    /// The media type usually served for a file extension, `application/octet-stream` when unknown.
    public static func contentType(forExtension ext: String) -> String {
        let types: [String: String] = [
            "jpg": "image/jpeg", "jpeg": "image/jpeg", "png": "image/png", "gif": "image/gif",
            "webp": "image/webp", "bmp": "image/bmp", "heic": "image/heic", "mp4": "video/mp4",
            "mov": "video/quicktime", "avi": "video/x-msvideo", "webm": "video/webm", "mkv": "video/x-matroska",
            "mp3": "audio/mpeg", "wav": "audio/wav", "m4a": "audio/mp4", "aac": "audio/aac", "json": "application/json",
        ]
        return types[ext.lowercased()] ?? "application/octet-stream"
    }
}
