/// What the policy needs to know about the failed request.
public struct RecoveryContext: Sendable, Hashable {
    /// Which request failed.
    public var kind: RequestKind
    /// For `/run_sse`: whether the service accepted it (HTTP 200 and the stream began).
    public var streamAccepted: Bool
    /// The remedies already applied to this request.
    public var history: RecoveryHistory
    /// Where the token came from.
    public var credentials: CredentialOrigin
    /// The registration bind id, when known from the session or state (a 2001 body's own `data.bind` wins).
    public var bindID: String?
    /// The file concerned (uploads), for messages.
    public var fileName: String?
    /// The product's upload limit in bytes, for 4002 messages (a 4002 body's `data.max_bytes` wins).
    public var maxUploadBytes: Int?

    /// Creates a context.
    public init(
        kind: RequestKind, streamAccepted: Bool = false, history: RecoveryHistory = RecoveryHistory(),
        credentials: CredentialOrigin = .anonymous, bindID: String? = nil, fileName: String? = nil,
        maxUploadBytes: Int? = nil
    ) {
        self.kind = kind
        self.streamAccepted = streamAccepted
        self.history = history
        self.credentials = credentials
        self.bindID = bindID
        self.fileName = fileName
        self.maxUploadBytes = maxUploadBytes
    }
}

/// Where the client's token came from.
public enum CredentialOrigin: String, Sendable, Hashable {
    /// `NEMO_TOKEN` in the environment: the user's own token, treated as a registered account.
    case environment
    /// An anonymous token obtained with the client id (cached or new).
    case anonymous
}
