/// One export the mock asks its draft renderer to make.
public struct DraftRenderJob: Sendable {
    /// The draft the client submitted, as JSON text.
    public var draftJSON: String
    /// The session's canvas width in pixels.
    public var width: Int
    /// The session's canvas height in pixels.
    public var height: Int
    /// Where to write the MP4 (the renderer writes it atomically).
    public var outputPath: String
    /// The local file behind a media URL this mock serves (an upload or a fixture), or `nil`.
    public var localFile: @Sendable (String) -> String?
}

/// Renders an export's draft into a real MP4 of the session's own media: the offline renderer, plugged in by
/// `nemo` and `nemo-mock` (the mock itself does not depend on it). It runs on a thread of its own, reports progress
/// from 0 to 1, and throws an error whose description is the message a failed job reports.
public typealias DraftRenderer = @Sendable (DraftRenderJob, _ progress: @Sendable (Double) -> Void) throws -> Void
