/// A bearer token: a secret. Its description, debug description and reflection never show it; only
/// ``rawValue`` does, for the `Authorization` header.
public struct BearerToken: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    /// The token itself: put it in the `Authorization` header and nowhere else.
    public let rawValue: String

    /// Wraps a token.
    public init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    /// The `Authorization` header value, `Bearer <token>`.
    public var authorizationValue: String {
        "Bearer " + rawValue
    }

    /// `<redacted>`, so the token never reaches output or logs by accident.
    public var description: String {
        Redaction.placeholder
    }

    /// Same as ``description``.
    public var debugDescription: String {
        "BearerToken(\(Redaction.placeholder))"
    }

    /// A mirror without the token.
    public var customMirror: Mirror {
        Mirror(self, children: [])
    }
}
