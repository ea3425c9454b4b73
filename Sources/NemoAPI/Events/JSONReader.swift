/// Reads RFC 8259 JSON text from UTF-8 bytes into a ``JSONValue``, strictly and in one pass.
///
/// Hand-written because Foundation's `JSONDecoder` costs about 100 µs per ADK event through
/// `Codable`, and Linux `JSONSerialization` rounds some doubles wrongly. Choices: duplicate keys
/// keep the last value; an unpaired `\uD800`-`\uDFFF` escape becomes U+FFFD; invalid UTF-8 inside
/// strings is repaired with U+FFFD; numbers are read with Swift's correctly rounded `Double(_:)`.
struct JSONReader {
    let bytes: UnsafeBufferPointer<UInt8>
    var offset = 0
    private var depth = 0
    /// Scratch space for strings with escapes, reused across strings.
    var scratch: [UInt8] = []

    /// Reads the whole of `bytes` as one JSON value (whitespace around it allowed).
    static func read(_ bytes: UnsafeBufferPointer<UInt8>) throws(JSONParsingError) -> JSONValue {
        var reader = JSONReader(bytes: bytes)
        reader.skipWhitespace()
        let value = try reader.readValue()
        reader.skipWhitespace()
        guard reader.offset == bytes.count else {
            throw reader.error("unexpected text after the JSON value")
        }
        return value
    }

    private init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    func error(_ what: String, code: JSONParsingError.Code = .invalidSyntax) -> JSONParsingError {
        JSONParsingError(
            code: code, offset: offset,
            message: "Invalid JSON at byte \(offset): \(what). Check that the payload is one complete JSON value.")
    }

    var current: UInt8? {
        offset < bytes.count ? bytes[offset] : nil
    }

    private mutating func skipWhitespace() {
        while offset < bytes.count {
            switch bytes[offset] {
            case 0x20, 0x09, 0x0A, 0x0D: offset += 1
            default: return
            }
        }
    }

    private mutating func readValue() throws(JSONParsingError) -> JSONValue {
        guard let byte = current else {
            throw error("the text ends where a value should start")
        }
        switch byte {
        case UInt8(ascii: "{"): return try readObject()
        case UInt8(ascii: "["): return try readArray()
        case UInt8(ascii: "\""): return .string(try readString())
        case UInt8(ascii: "t"): try readLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try readLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try readLiteral("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try readNumber())
        default: throw error("a value cannot start with this byte")
        }
    }

    private mutating func readLiteral(_ literal: StaticString) throws(JSONParsingError) {
        let count = literal.utf8CodeUnitCount
        guard offset + count <= bytes.count,
            UnsafeBufferPointer(start: literal.utf8Start, count: count).elementsEqual(bytes[offset..<offset + count])
        else {
            throw error("expected \(literal)")
        }
        offset += count
    }

    private mutating func enterContainer() throws(JSONParsingError) {
        depth += 1
        guard depth <= JSONValue.maximumDepth else {
            throw error("arrays and objects nest deeper than \(JSONValue.maximumDepth) levels", code: .tooDeep)
        }
        offset += 1  // the opening bracket
        skipWhitespace()
    }

    private mutating func readObject() throws(JSONParsingError) -> JSONValue {
        try enterContainer()
        var members: [String: JSONValue] = [:]
        if current == UInt8(ascii: "}") {
            offset += 1
            depth -= 1
            return .object(members)
        }
        while true {
            guard current == UInt8(ascii: "\"") else {
                throw error("expected a quoted key")
            }
            let key = try readString()
            skipWhitespace()
            guard current == UInt8(ascii: ":") else {
                throw error("expected ':' after an object key")
            }
            offset += 1
            skipWhitespace()
            members[key] = try readValue()
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","):
                offset += 1
                skipWhitespace()
            case UInt8(ascii: "}"):
                offset += 1
                depth -= 1
                return .object(members)
            default:
                throw error("expected ',' or '}' in an object")
            }
        }
    }

    private mutating func readArray() throws(JSONParsingError) -> JSONValue {
        try enterContainer()
        var elements: [JSONValue] = []
        if current == UInt8(ascii: "]") {
            offset += 1
            depth -= 1
            return .array(elements)
        }
        while true {
            elements.append(try readValue())
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","):
                offset += 1
                skipWhitespace()
            case UInt8(ascii: "]"):
                offset += 1
                depth -= 1
                return .array(elements)
            default:
                throw error("expected ',' or ']' in an array")
            }
        }
    }
}
