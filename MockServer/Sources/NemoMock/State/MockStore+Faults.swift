extension MockStore {
    /// The token of an `Authorization: Bearer` header value.
    private static func bearer(_ authorization: String?) -> String? {
        guard let authorization, authorization.lowercased().hasPrefix("bearer ") else { return nil }
        return String(authorization.dropFirst(7).trimmingSpaces)
    }

    /// Expires the token now; its client id may get a new one at once, for the same user (fault `expire-token`).
    func expireToken(authorization: String?) {
        guard let token = Self.bearer(authorization), var record = tokens[token] else { return }
        let now = clock.now()
        record.expiresAt = now
        tokens[token] = record
        clientIssuance[record.clientId] = now - Self.tokenLifetime
        renewals[record.clientId] = record.userId
    }

    /// Forgets a session, as a backend that lost it would (fault `lose-session`).
    func forgetSession(_ sessionId: String) {
        sessions.removeValue(forKey: sessionId)
    }

    /// The bind id of the user behind a token (for an injected 2001), or a fixed one for an unknown token.
    func bind(authorization: String?) -> String {
        guard let token = Self.bearer(authorization), let record = tokens[token] else { return "bind_unknown" }
        return balances[record.userId]?.bind ?? "bind_unknown"
    }
}
