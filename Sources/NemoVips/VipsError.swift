package import CVips

/// A failure reported by libvips: the operation that failed and libvips' own message.
public struct VipsError: Error, Sendable, CustomStringConvertible {
    /// The libvips operation, e.g. "thumbnail" or "pngsave".
    public let operation: String
    /// libvips' message, trimmed to its first lines.
    public let message: String

    /// Creates an error from an operation name and message.
    public init(operation: String, message: String) {
        self.operation = operation
        self.message = message
    }

    /// "operation: message".
    public var description: String {
        message.isEmpty ? "\(operation) failed" : "\(operation): \(message)"
    }

    /// Takes libvips' pending error message (clearing it) for a failed `operation`.
    package static func take(operation: String) -> VipsError {
        let buffer = vips_error_buffer().map { String(cString: $0) } ?? ""
        vips_error_clear()
        let lines = buffer.split(separator: "\n").prefix(3).map { $0.trimmingCharacters() }
        return VipsError(operation: operation, message: lines.joined(separator: "; "))
    }
}

extension Substring {
    fileprivate func trimmingCharacters() -> String {
        var text = self
        while let first = text.first, first.isWhitespace { text.removeFirst() }
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return String(text)
    }
}
