/// Why one image (or the whole batch) could not be prepared, with a message that names the file and says what to do.
public struct PrepError: Error, Sendable, Codable, Equatable, CustomStringConvertible {
    /// A stable, machine-readable cause.
    public enum Code: String, Sendable, Codable {
        case emptyFile = "empty-file"
        case unreadable
        case notAFile = "not-a-file"
        case notAnImage = "not-an-image"
        case unsupportedFormat = "unsupported-format"
        case decoderMissing = "decoder-missing"
        case corrupt
        /// The file was replaced or modified between planning and processing.
        case changed
        case tooManyPixels = "too-many-pixels"
        case overBudget = "over-budget"
        case outputNotWritable = "output-not-writable"
        case outputCollision = "output-collision"
        case processingFailed = "processing-failed"
        case noInputs = "no-inputs"
    }

    /// The cause.
    public let code: Code
    /// The file concerned (input or output), when there is one.
    public let path: String?
    /// A sentence a person can act on.
    public let message: String

    /// Creates an error.
    public init(_ code: Code, path: String?, message: String) {
        self.code = code
        self.path = path
        self.message = message
    }

    /// "path: message".
    public var description: String {
        path.map { "\($0): \(message)" } ?? message
    }
}
