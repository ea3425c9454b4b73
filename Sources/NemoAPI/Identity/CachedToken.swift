public import Foundation

/// A token as cached: the token, when it expires, and who it was issued to.
public struct CachedToken: Sendable, Hashable {
    /// How long a token lasts when the service does not say (documented: 7 days).
    public static let documentedLifetime: TimeInterval = 7 * 24 * 3600

    /// The token.
    public var token: BearerToken
    /// When it expires.
    public var expiresAt: Date
    /// The client id it was obtained with, when known.
    public var clientID: String?
    /// The user it belongs to, when known.
    public var userID: String?

    /// Creates a cached token.
    public init(token: BearerToken, expiresAt: Date, clientID: String? = nil, userID: String? = nil) {
        self.token = token
        self.expiresAt = expiresAt
        self.clientID = clientID
        self.userID = userID
    }

    /// The token of a token response obtained at `obtainedAt` (expiry 7 days later when the service gives none).
    public init(response: TokenResponse, obtainedAt: Date, clientID: String?) {
        self.init(
            token: response.token, expiresAt: response.expiresAt ?? obtainedAt + Self.documentedLifetime,
            clientID: clientID, userID: response.userID)
    }

    /// Whether the token is usable at `now`, at least `margin` before it expires.
    public func isValid(at now: Date, margin: Duration = .zero) -> Bool {
        expiresAt.timeIntervalSince(now) > Double(margin.components.seconds)
    }

    /// Reads the cache's JSON; `nil` without a token and an expiry.
    init?(json: JSONValue) {
        guard let token = json["token"]?.stringValue, !token.isEmpty,
            let expiry = WireDate.parse(json["expires_at"])
        else { return nil }
        self.init(
            token: BearerToken(token), expiresAt: expiry, clientID: json["client_id"]?.stringValue,
            userID: json["user_id"]?.stringValue)
    }

    /// The cache's JSON: `token`, `expires_at` (ISO 8601), `client_id`, `user_id`.
    var json: JSONValue {
        var members: [String: JSONValue] = [
            "token": .string(token.rawValue), "expires_at": .string(WireDate.format(expiresAt)),
        ]
        if let clientID { members["client_id"] = .string(clientID) }
        if let userID { members["user_id"] = .string(userID) }
        return .object(members)
    }
}
