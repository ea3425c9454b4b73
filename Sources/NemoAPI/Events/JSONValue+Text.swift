import NemoSSE

extension JSONValue {
    /// The deepest nesting of arrays and objects that parsing accepts (deeper text is refused, not a crash).
    public static let maximumDepth = 512

    /// Parses JSON text (any value at the top level, not only objects and arrays).
    ///
    /// Strict RFC 8259, with these choices: duplicate keys keep the last value, an unpaired
    /// surrogate escape becomes U+FFFD.
    public init(parsing text: String) throws(JSONParsingError) {
        var text = text
        let result = text.withUTF8 { bytes in
            Result { () throws(JSONParsingError) in try JSONReader.read(bytes) }
        }
        self = try result.get()
    }

    /// Parses JSON from UTF-8 bytes (invalid UTF-8 inside strings is replaced with U+FFFD).
    public init(parsingUTF8 bytes: some Sequence<UInt8>) throws(JSONParsingError) {
        let result = bytes.withContiguousStorageIfAvailable { buffer in
            Result { () throws(JSONParsingError) in try JSONReader.read(buffer) }
        } ?? Array(bytes).withUnsafeBufferPointer { buffer in
            Result { () throws(JSONParsingError) in try JSONReader.read(buffer) }
        }
        self = try result.get()
    }

    /// The value as compact JSON text, keys sorted (deterministic output).
    ///
    /// Numbers with no fractional part are written as integers (`10000`, not `10000.0`); NaN and
    /// infinities, which JSON cannot hold, are written as `null`.
    public var jsonText: String {
        var bytes: [UInt8] = []
        append(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the value's compact JSON text as UTF-8 to `bytes`.
    public func append(to bytes: inout [UInt8]) {
        switch self {
        case .object(let members):
            bytes.append(UInt8(ascii: "{"))
            for (index, key) in members.keys.sorted().enumerated() {
                if index > 0 {
                    bytes.append(UInt8(ascii: ","))
                }
                SSEEventJSON.appendString(key, to: &bytes)
                bytes.append(UInt8(ascii: ":"))
                members[key]!.append(to: &bytes)
            }
            bytes.append(UInt8(ascii: "}"))
        case .array(let elements):
            bytes.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 {
                    bytes.append(UInt8(ascii: ","))
                }
                element.append(to: &bytes)
            }
            bytes.append(UInt8(ascii: "]"))
        case .string(let string):
            SSEEventJSON.appendString(string, to: &bytes)
        case .number(let number):
            if let integer = Int64(exactly: number) {
                bytes.append(contentsOf: String(integer).utf8)
            } else if number.isFinite {
                bytes.append(contentsOf: number.description.utf8)
            } else {
                bytes.append(contentsOf: "null".utf8)
            }
        case .bool(let bool):
            bytes.append(contentsOf: (bool ? "true" : "false").utf8)
        case .null:
            bytes.append(contentsOf: "null".utf8)
        }
    }
}

extension JSONValue: CustomStringConvertible {
    /// The value as compact JSON text (see ``jsonText``).
    public var description: String { jsonText }
}
