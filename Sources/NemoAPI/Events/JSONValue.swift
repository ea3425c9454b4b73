/// A JSON value, kept as data: agent event arguments, tool results, state deltas and drafts.
///
/// Numbers are `Double`, so integers are exact up to 2^53 (ids beyond that should travel as strings,
/// as the service does). Objects are unordered dictionaries.
public enum JSONValue: Sendable, Hashable {
    /// A JSON object.
    case object([String: JSONValue])
    /// A JSON array.
    case array([JSONValue])
    /// A JSON string.
    case string(String)
    /// A JSON number.
    case number(Double)
    /// `true` or `false`.
    case bool(Bool)
    /// `null`.
    case null
}

extension JSONValue {
    /// The member named `key` if this is an object that has it.
    public subscript(key: String) -> JSONValue? {
        if case .object(let members) = self { members[key] } else { nil }
    }

    /// The element at `index` if this is an array long enough.
    public subscript(index: Int) -> JSONValue? {
        if case .array(let elements) = self, elements.indices.contains(index) { elements[index] } else { nil }
    }

    /// The members, if this is an object.
    public var objectValue: [String: JSONValue]? {
        if case .object(let members) = self { members } else { nil }
    }

    /// The elements, if this is an array.
    public var arrayValue: [JSONValue]? {
        if case .array(let elements) = self { elements } else { nil }
    }

    /// The string, if this is a string.
    public var stringValue: String? {
        if case .string(let string) = self { string } else { nil }
    }

    /// The number, if this is a number.
    public var doubleValue: Double? {
        if case .number(let number) = self { number } else { nil }
    }

    /// The number as an `Int`, if this is a number with no fractional part that fits.
    public var intValue: Int? {
        if case .number(let number) = self { Int(exactly: number) } else { nil }
    }

    /// The Boolean, if this is `true` or `false`.
    public var boolValue: Bool? {
        if case .bool(let bool) = self { bool } else { nil }
    }

    /// Whether this is `null`.
    public var isNull: Bool {
        self == .null
    }
}
