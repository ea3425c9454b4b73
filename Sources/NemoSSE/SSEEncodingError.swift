/// An event that cannot be written as an event stream without changing its meaning.
public struct SSEEncodingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong, as a stable code.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        let name: String

        /// An `event` name or `id` contains CR or LF, which would end the field early.
        public static let lineBreakInField = Code(name: "lineBreakInField")
        /// An `id` contains U+0000, which makes parsers ignore the field.
        public static let nullInID = Code(name: "nullInID")
        /// A `retry` value is negative: only ASCII digits are accepted by parsers.
        public static let negativeRetry = Code(name: "negativeRetry")

        /// The code's name.
        public var description: String { name }
    }

    /// What is wrong.
    public let code: Code
    /// A human message that says what to do.
    public let message: String

    /// Creates an error from a code and a human message.
    public init(code: Code, message: String) {
        self.code = code
        self.message = message
    }

    /// The human message.
    public var description: String { message }
}
