/// A transcript or scenario file that cannot be read, with the place and what to fix.
public struct TranscriptError: Error, Sendable, CustomStringConvertible {
    /// The file (or name) the problem is in.
    public let file: String
    /// The 1-based line number, or 0 when not tied to a line.
    public let line: Int
    /// What is wrong and how to fix it.
    public let message: String

    /// Creates an error for `file` at `line`.
    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// `file:line: message`.
    public var description: String { line > 0 ? "\(file):\(line): \(message)" : "\(file): \(message)" }
}
