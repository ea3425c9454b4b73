public import Foundation

/// Which token the client uses, decided before any request: `NEMO_TOKEN` in the environment wins; else a cached
/// anonymous token still valid; else a new anonymous token must be obtained with the persisted client id.
public enum Credentials: Sendable, Hashable {
    /// `NEMO_TOKEN` (the user's own token; never cached).
    case environment(BearerToken)
    /// A cached anonymous token, still valid.
    case cached(CachedToken)
    /// No token yet: ask `POST /api/auth/anonymous-token` with this client id.
    case needsToken(clientID: String, origin: ClientIDStore.Origin)

    /// Decides from `environment` and the stores in `folder` at `now`.
    ///
    /// - Throws: ``NemoAPIError`` when the token cache is refused (permissions) or a file cannot be used.
    public static func resolve(
        environment: [String: String], folder: String, now: Date = Date()
    ) throws(NemoAPIError) -> Credentials {
        if let token = environment["NEMO_TOKEN"]?.trimmingWhitespace, !token.isEmpty {
            return .environment(BearerToken(token))
        }
        if let cached = try TokenCache(folder: folder).load(now: now) {
            return .cached(cached)
        }
        let (id, origin) = try ClientIDStore(folder: folder).clientID(environment: environment)
        return .needsToken(clientID: id, origin: origin)
    }

    /// The token to send, when there is one.
    public var token: BearerToken? {
        switch self {
        case .environment(let token): token
        case .cached(let cached): cached.token
        case .needsToken: nil
        }
    }

    /// Where the token comes from, for ``RecoveryContext/credentials``.
    public var origin: CredentialOrigin {
        if case .environment = self { .environment } else { .anonymous }
    }
}
