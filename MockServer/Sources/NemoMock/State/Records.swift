/// An anonymous token the mock issued (the token text itself is only a dictionary key).
struct TokenRecord: Sendable {
    var userId: String
    var clientId: String
    var issuedAt: Double
    var expiresAt: Double
}

/// A user's credit balance.
struct CreditBalance: Sendable {
    var available: Int
    var frozen: Int
    var bind: String
}

/// A file the session received, as the upload response and the state describe it.
public struct UploadedFile: Sendable, Equatable {
    /// The sanitised file name.
    public var filename: String
    /// `image`, `video` or `audio`.
    public var fileType: String
    /// Where the mock serves it.
    public var cdnURL: String
    /// Pixel width, when known.
    public var width: Int?
    /// Pixel height, when known.
    public var height: Int?
    /// Duration in seconds, when known.
    public var duration: Double?
    /// Frames per second, when known.
    public var fps: Double?
    /// SHA-256 of the content, lowercase hex.
    public var hash: String
    /// Size in bytes.
    public var size: Int

    /// The JSON the upload response and `video_infos` carry.
    var json: JSONValue {
        .object([
            ("filename", .string(filename)),
            ("file_type", .string(fileType)),
            ("cdn_url", .string(cdnURL)),
            ("duration", duration.map { JSONValue.double($0) } ?? .null),
            ("width", width.map { JSONValue.int($0) } ?? .null),
            ("height", height.map { JSONValue.int($0) } ?? .null),
            ("fps", fps.map { JSONValue.double($0) } ?? .null),
            ("hash", .string(hash)),
            ("size", .int(size)),
        ])
    }
}

/// An editing session.
struct SessionRecord: Sendable {
    var sessionId: String
    var taskId: String
    var userId: String
    var language: String
    var scenario: String?
    var turns = 0
    var runsInProgress = 0
    var uploads: [UploadedFile] = []
    var state: JSONValue
    var lastUpdate: Double
}

/// A render job and the script it follows.
struct RenderRecord: Sendable {
    var id: String
    var sessionId: String
    var userId: String
    var submittedAt: Double
    var states: [Transcript.RenderState]
    var cancelledAt: Double?
    var pollShape: Scenario.PollShape
    /// The real render of the draft, when the mock has a draft renderer.
    var local: LocalRender?
}

/// A render the draft renderer is making on its own thread.
struct LocalRender: Sendable {
    /// Where the MP4 is written.
    var path: String
    /// Share done, 0...1.
    var progress: Double = 0
    /// Whether the renderer has returned.
    var finished = false
    /// The renderer's message when it failed.
    var failure: String?
}
