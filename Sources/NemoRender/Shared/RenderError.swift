/// Why a render failed, with a message that says what to do.
public struct RenderError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The class of failure.
    public enum Code: String, Sendable {
        /// The draft is not valid JSON or lacks the `t` tracks.
        case invalidDraft = "invalid_draft"
        /// The draft has nothing to show: no video segment.
        case emptyDraft = "empty_draft"
        /// A segment refers to media that cannot be found.
        case missingMedia = "missing_media"
        /// A media file exists but cannot be decoded.
        case unreadableMedia = "unreadable_media"
        /// A track type or segment kind the renderer does not support.
        case unsupported
        /// The canvas or another setting is out of range.
        case invalidSettings = "invalid_settings"
        /// libavcodec/libavformat failed while encoding or writing.
        case encoder
        /// libvips failed while composing a frame.
        case compose
        /// The output could not be written (disk full, folder not writable).
        case output
        /// The render was cancelled.
        case cancelled
    }

    /// The class of failure.
    public let code: Code
    /// What went wrong and what to do about it.
    public let message: String

    /// Creates an error.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
