/// How far a render has come: frames composed and encoded out of the total.
public struct RenderProgress: Sendable, Equatable {
    /// Frames written so far.
    public var frame: Int
    /// Frames in the whole video.
    public var frameCount: Int

    /// The share done, 0...1.
    public var fraction: Double {
        frameCount > 0 ? Double(frame) / Double(frameCount) : 1
    }
}

/// What a finished render produced.
public struct RenderReport: Sendable, Equatable {
    /// The MP4 written.
    public var path: String
    /// Its length in seconds.
    public var duration: Double
    /// Its number of video frames.
    public var frameCount: Int
    /// Its width and height in pixels.
    public var width: Int
    /// Its height in pixels.
    public var height: Int
    /// Whether it has a music track.
    public var hasAudio: Bool
    /// What the draft asked for that the video does not show, one sentence each.
    public var warnings: [String]
}
