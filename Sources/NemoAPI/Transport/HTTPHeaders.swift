/// An ordered list of HTTP header fields with case-insensitive lookup; secrets are redacted when printed.
///
/// Printing, `dump` and string interpolation show `Authorization` and `Proxy-Authorization` as their scheme
/// followed by `***` (e.g. `Bearer ***`), and `Cookie` / `Set-Cookie` as `***`.
public struct HTTPHeaders: Sendable, Hashable {
    /// One header field.
    public struct Field: Sendable, Hashable {
        /// The field name as given (matching is case-insensitive).
        public var name: String
        /// The field value.
        public var value: String

        /// Creates a field.
        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    /// The fields in order.
    public private(set) var fields: [Field]

    /// Creates headers from fields in order.
    public init(_ fields: [Field] = []) {
        self.fields = fields
    }

    /// The first value of `name` (case-insensitive), or nil; setting replaces every field of that name.
    public subscript(name: String) -> String? {
        get { fields.first { $0.name.lowercased() == name.lowercased() }?.value }
        set {
            let index = fields.firstIndex { $0.name.lowercased() == name.lowercased() }
            remove(name)
            guard let newValue else { return }
            fields.insert(Field(name: name, value: newValue), at: Swift.min(index ?? fields.count, fields.count))
        }
    }

    /// Every value of `name` (case-insensitive), in order.
    public func values(for name: String) -> [String] {
        fields.filter { $0.name.lowercased() == name.lowercased() }.map(\.value)
    }

    /// Whether a field named `name` is present (case-insensitive).
    public func contains(_ name: String) -> Bool {
        fields.contains { $0.name.lowercased() == name.lowercased() }
    }

    /// Appends a field, keeping any others of the same name.
    public mutating func add(name: String, value: String) {
        fields.append(Field(name: name, value: value))
    }

    /// Removes every field named `name` (case-insensitive).
    public mutating func remove(_ name: String) {
        fields.removeAll { $0.name.lowercased() == name.lowercased() }
    }

    /// Sets `Authorization: Bearer <token>`, replacing any earlier authorization.
    public mutating func setBearerToken(_ token: String) {
        self["Authorization"] = "Bearer \(token)"
    }

    /// The number of fields.
    public var count: Int { fields.count }

    /// The first field whose name or value is not allowed on the wire (bad name, or a CR, LF or NUL in the value).
    var firstInvalidField: Field? {
        fields.first { field in
            field.name.isEmpty || !field.name.utf8.allSatisfy(Self.isTokenByte)
                || field.value.utf8.contains { $0 == 0x0D || $0 == 0x0A || $0 == 0 }
        }
    }

    /// Whether `byte` may appear in an HTTP token (a method or a header name).
    static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return Array("!#$%&'*+-.^_`|~".utf8).contains(byte)
        }
    }
}

extension HTTPHeaders: ExpressibleByDictionaryLiteral {
    /// Creates headers from `["Name": "value", ...]`, in the literal's order.
    public init(dictionaryLiteral elements: (String, String)...) {
        self.init(elements.map { Field(name: $0.0, value: $0.1) })
    }
}

extension HTTPHeaders: Sequence {
    /// Iterates the fields in order.
    public func makeIterator() -> IndexingIterator<[Field]> {
        fields.makeIterator()
    }
}

extension HTTPHeaders: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The fields as `Name: value` pairs with secrets redacted.
    public var description: String {
        "["
            + fields.map { "\($0.name): \(Redaction.headerValue(name: $0.name, value: $0.value))" }
            .joined(separator: ", ") + "]"
    }

    /// Same as ``description``: secrets are redacted in debug output too.
    public var debugDescription: String { description }

    /// A mirror that shows redacted values only, so `dump` never prints a secret.
    public var customMirror: Mirror {
        Mirror(
            self,
            unlabeledChildren: fields.map { "\($0.name): \(Redaction.headerValue(name: $0.name, value: $0.value))" },
            displayStyle: .collection)
    }
}
