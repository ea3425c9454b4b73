public import Foundation

/// The answer to `POST /api/auth/anonymous-token`: `data.token`, `user_id`, `expires_at`, `credits`.
public struct TokenResponse: WireDecodable, Hashable {
    /// The token (a secret: its description is redacted).
    public var token: BearerToken
    /// The user the token belongs to, when sent.
    public var userID: String?
    /// When the token expires, when sent (documented as 7 days after issue).
    public var expiresAt: Date?
    /// The credits that came with the token (documented as 100), when sent.
    public var credits: Int?

    /// Creates a response.
    public init(token: BearerToken, userID: String? = nil, expiresAt: Date? = nil, credits: Int? = nil) {
        self.token = token
        self.userID = userID
        self.expiresAt = expiresAt
        self.credits = credits
    }

    /// Reads `data`; the token may also be called `access_token`, the expiry `expiresAt` or `expires_in`
    /// (seconds from now, resolved against the current time).
    public init(wire payload: JSONValue) throws(NemoAPIError) {
        let object = try WireObject(payload, "token response")
        let text = try object.requiredString("token", "access_token", "accessToken")
        token = BearerToken(text)
        userID = object.string("user_id", "userId")
        if let date = WireDate.parse(object.any("expires_at", "expiresAt", "expire_at")) {
            expiresAt = date
        } else if let seconds = object.double("expires_in", "expiresIn") {
            expiresAt = Date().addingTimeInterval(seconds)
        } else {
            expiresAt = nil
        }
        credits = object.int("credits")
    }
}
