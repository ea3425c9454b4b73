/// A wire type read from the JSON the service sends (a ``JSONValue``), leniently: unknown keys are ignored and
/// numbers sent as strings are accepted where that is plausible.
public protocol WireDecodable: Sendable {
    /// Reads the value from its payload: the `data` member of the envelope (or the body, when it has none).
    ///
    /// - Throws: ``NemoAPIError`` with code ``NemoAPIError/Code/malformedResponse`` naming what is missing.
    init(wire payload: JSONValue) throws(NemoAPIError)
}

extension WireDecodable {
    /// Reads the value from a whole response body: the envelope is opened first (see ``APIEnvelope``), and a
    /// failure envelope becomes the ``NemoAPIError`` the recovery table gives for it.
    public static func decode(body: JSONValue, httpStatus: Int = 200) throws(NemoAPIError) -> Self {
        switch APIEnvelope(httpStatus: httpStatus, body: body) {
        case .success(let payload): return try Self(wire: payload)
        case .failure(let failure): throw NemoAPIError(failure: failure, kind: nil)
        }
    }

    /// Reads the value from response bytes (UTF-8 JSON); an error status with a body that is not JSON (a proxy's
    /// HTML page) is that status's error.
    public static func decode(bytes: some Sequence<UInt8>, httpStatus: Int = 200) throws(NemoAPIError) -> Self {
        let body: JSONValue
        do {
            body = try JSONValue(parsingUTF8: bytes)
        } catch {
            guard (200..<300).contains(httpStatus) else {
                throw NemoAPIError(failure: ServiceFailure(httpStatus: httpStatus), kind: nil)
            }
            throw .malformedResponse("\(Self.self): the body is not JSON (\(error.message))")
        }
        return try decode(body: body, httpStatus: httpStatus)
    }
}

/// Reads required and optional members of one JSON object, with errors that name the type and the field.
struct WireObject {
    /// The object read.
    let value: JSONValue
    /// The type being read, for messages.
    let context: String

    /// Opens `value` as an object, or throws naming `context`.
    init(_ value: JSONValue, _ context: String) throws(NemoAPIError) {
        guard case .object = value else {
            throw .malformedResponse("\(context): expected a JSON object, got \(value.kindName)")
        }
        self.value = value
        self.context = context
    }

    /// The first present member among `keys` as text, or a thrown error naming the first key.
    func requiredString(_ keys: String...) throws(NemoAPIError) -> String {
        guard let text = value.member(in: keys)?.lenientString, !text.isEmpty else {
            throw .malformedResponse("\(context): `\(keys[0])` is missing")
        }
        return text
    }

    /// The first present member among `keys` as text.
    func string(_ keys: String...) -> String? {
        value.member(in: keys)?.lenientString
    }

    /// The first present member among `keys` as an integer.
    func int(_ keys: String...) -> Int? {
        value.member(in: keys)?.lenientInt
    }

    /// The first present member among `keys` as a number.
    func double(_ keys: String...) -> Double? {
        value.member(in: keys)?.lenientDouble
    }

    /// The first present member among `keys` as a Boolean.
    func bool(_ keys: String...) -> Bool? {
        value.member(in: keys)?.lenientBool
    }

    /// The first present member among `keys`, any kind.
    func any(_ keys: String...) -> JSONValue? {
        value.member(in: keys)
    }
}

extension JSONValue {
    /// A word for the value's kind, for messages ("an array", "a string"...).
    var kindName: String {
        switch self {
        case .object: "an object"
        case .array: "an array"
        case .string: "a string"
        case .number: "a number"
        case .bool: "a Boolean"
        case .null: "null"
        }
    }
}
