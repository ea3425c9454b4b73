/// JSON text that ``JSONValue/init(parsing:)-(String)`` cannot read.
public struct JSONParsingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong, as a stable code.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        let name: String

        /// The text is not JSON: an unexpected byte or a premature end.
        public static let invalidSyntax = Code(name: "invalidSyntax")
        /// Arrays and objects are nested deeper than ``JSONValue/maximumDepth``.
        public static let tooDeep = Code(name: "tooDeep")

        /// The code's name.
        public var description: String { name }
    }

    /// What is wrong.
    public let code: Code
    /// The byte offset in the UTF-8 text where reading stopped.
    public let offset: Int
    /// A human message that says what is wrong and where.
    public let message: String

    /// Creates an error.
    public init(code: Code, offset: Int, message: String) {
        self.code = code
        self.offset = offset
        self.message = message
    }

    /// The human message.
    public var description: String { message }
}
