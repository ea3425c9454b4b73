extension JSONValue: Codable {
    /// Decodes any JSON value; `true`/`false` stay Booleans and are never read as numbers.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let bool = try? container.decode(Bool.self) {
            self = .bool(bool)
        } else if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else if let string = try? container.decode(String.self) {
            self = .string(string)
        } else if let elements = try? container.decode([JSONValue].self) {
            self = .array(elements)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    /// Encodes the value; numbers with no fractional part are written as integers (`10000`, not `10000.0`).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .object(let members): try container.encode(members)
        case .array(let elements): try container.encode(elements)
        case .string(let string): try container.encode(string)
        case .number(let number):
            if let integer = Int64(exactly: number) {
                try container.encode(integer)
            } else {
                try container.encode(number)
            }
        case .bool(let bool): try container.encode(bool)
        case .null: try container.encodeNil()
        }
    }
}

extension JSONValue: ExpressibleByDictionaryLiteral, ExpressibleByArrayLiteral, ExpressibleByStringLiteral,
    ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral, ExpressibleByBooleanLiteral, ExpressibleByNilLiteral
{
    /// An object literal.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }

    /// An array literal.
    public init(arrayLiteral elements: JSONValue...) {
        self = .array(elements)
    }

    /// A string literal.
    public init(stringLiteral value: String) {
        self = .string(value)
    }

    /// An integer literal.
    public init(integerLiteral value: Int) {
        self = .number(Double(value))
    }

    /// A floating-point literal.
    public init(floatLiteral value: Double) {
        self = .number(value)
    }

    /// A Boolean literal.
    public init(booleanLiteral value: Bool) {
        self = .bool(value)
    }

    /// `nil` as JSON `null`.
    public init(nilLiteral: ()) {
        self = .null
    }
}
